package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.Room;
import java.util.List;

/**
 * What an operator does to rooms (the CLI, the admin REST API, a program embedding the core), with the rules and
 * hashing that a user's room creation applies, but none of a user's rate limits.
 *
 * @throws io.chillin.chat.domain.ChatException.NotFound for an unknown room, from every method naming one
 */
public interface AdministerRoomsUseCase {

    /** Every room, oldest first, each with its newest seq. */
    List<AdminRoom> listRooms();

    /** The room and its newest {@code latest} (0 to 1000) messages, oldest first. */
    AdminRoomDetails showRoom(String name, int latest);

    /**
     * Creates a room as {@code creator} (a username); a null or empty password makes it public.
     *
     * @throws io.chillin.chat.domain.ChatException.Invalid, Conflict as a user's creation would
     */
    AdminRoom createRoom(String name, String description, String password, String creator);

    /** Deletes the room and its whole history (its members are told on every instance); returns its newest seq. */
    long deleteRoom(String name);

    /** Makes the room private with this password, or public when {@code password} is null. */
    AdminRoom setRoomPassword(String name, String password);

    /** A room with its newest seq (how many messages it has had). */
    record AdminRoom(Room room, long messages) {
    }

    record AdminRoomDetails(AdminRoom room, List<ChatMessage> latestMessages) {
        public AdminRoomDetails {
            latestMessages = List.copyOf(latestMessages);
        }
    }
}
