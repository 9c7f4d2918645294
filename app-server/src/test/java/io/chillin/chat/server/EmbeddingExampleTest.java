package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.RoomListQuery;
import io.chillin.chat.application.port.in.SendMessageCommand;
import io.chillin.chat.application.port.in.ServerEvent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The README's "use the core as a library" example, run exactly as written there. */
class EmbeddingExampleTest {

    @Test
    void another_program_embeds_the_core_with_in_process_adapters_and_its_own_delivery_callback() {
        // --- README example start ---
        Clock clock = Clock.systemUTC();
        ChatPorts ports = ChatPorts.inMemory(new Argon2PasswordHasher(), ChatSettings.DEFAULT, clock);
        ChatCore chat = ChatCore.create(ports, ChatSettings.DEFAULT, clock);

        List<String> aliceSaw = new CopyOnWriteArrayList<>();
        Connection alice = Connection.open(null, event -> {
            if (event instanceof ServerEvent.MessagePosted posted) {
                aliceSaw.add(posted.message().author() + ": " + posted.message().text().value());
            }
        });
        Connection bob = Connection.open(null, event -> { });

        chat.joinRoom().join(alice, new JoinRoomCommand("lobby", "alice", null, null));
        chat.joinRoom().join(bob, new JoinRoomCommand("lobby", "bob", null, null));
        chat.sendMessage().send(bob, new SendMessageCommand("lobby", "msg-1", "hi alice 👋"));
        // --- README example end ---

        assertThat(aliceSaw).containsExactly("bob: hi alice 👋");
        assertThat(chat.listRooms().listRooms(RoomListQuery.FIRST_PAGE).rooms()).singleElement()
                .satisfies(room -> assertThat(room.memberCount()).isEqualTo(2));
    }
}
