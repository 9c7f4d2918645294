package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;

/**
 * Raw room input; {@code description} and {@code password} may be null (a null or empty password makes a public
 * room). {@code clientAddress} is where the request came from: room creations per address are limited.
 */
public record CreateRoomCommand(Identity creator, String name, String description, String password,
                                String clientAddress) {

    public CreateRoomCommand {
        clientAddress = clientAddress == null ? Connection.LOCAL : clientAddress;
    }

    /** A room made by this process (an embedding program, a test), spared the per-address limit. */
    public CreateRoomCommand(Identity creator, String name, String description, String password) {
        this(creator, name, description, password, Connection.LOCAL);
    }
}
