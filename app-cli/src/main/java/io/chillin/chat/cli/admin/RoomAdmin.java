package io.chillin.chat.cli.admin;

import io.chillin.chat.application.AdminPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.port.in.AdministerRoomsUseCase;
import io.chillin.chat.application.port.in.AdministerRoomsUseCase.AdminRoom;
import io.chillin.chat.application.service.AdminService;
import java.time.Clock;
import java.util.List;

/** Rooms for the CLI: the core's administration use cases, their answers as the rows the commands print. */
public final class RoomAdmin {

    private final AdministerRoomsUseCase rooms;

    public RoomAdmin(AdministerRoomsUseCase rooms) {
        this.rooms = rooms;
    }

    public RoomAdmin(AdminPorts ports, ChatSettings settings, Clock clock) {
        this(AdminService.create(ports, settings, clock));
    }

    /** Every room, oldest first. */
    public List<RoomRow> list() {
        return rooms.listRooms().stream().map(RoomAdmin::row).toList();
    }

    /** The room and its newest {@code latest} messages, oldest first. @throws io.chillin.chat.domain.ChatException.NotFound */
    public RoomDetails show(String name, int latest) {
        AdministerRoomsUseCase.AdminRoomDetails details = rooms.showRoom(name, latest);
        return new RoomDetails(row(details.room()), details.latestMessages().stream().map(MessageRow::of).toList());
    }

    /** Creates a room; a null or empty password makes it public. */
    public RoomRow create(String name, String description, String password, String creator) {
        return row(rooms.createRoom(name, description, password, creator));
    }

    /** Deletes the room and its whole history; returns how many messages it had. */
    public long delete(String name) {
        return rooms.deleteRoom(name);
    }

    /** Makes the room private with this password, or public when {@code password} is null. */
    public RoomRow setPassword(String name, String password) {
        return row(rooms.setRoomPassword(name, password));
    }

    private static RoomRow row(AdminRoom room) {
        return RoomRow.of(room.room(), room.messages());
    }

    /** A room with some of its latest messages. */
    public record RoomDetails(RoomRow room, List<MessageRow> latestMessages) {
    }
}
