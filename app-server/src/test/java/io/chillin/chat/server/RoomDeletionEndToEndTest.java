package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestCluster;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An admin deletes a room under live members and the name is joined again (docs/ARCHITECTURE.md, "A room's stream
 * belongs to one incarnation of the room"): the old members are told, the new room starts at seq 1 with nothing of
 * the old one, and its messages are delivered live.
 */
class RoomDeletionEndToEndTest {

    @Test
    void embedded_a_recreated_room_starts_afresh_even_though_the_server_never_heard_of_the_deletion() throws Exception {
        // The admin's process has its own in-process bus: the running server learns of the deletion only from the
        // new room itself.
        try (TestServer server = TestServer.start("CHAT_MESSAGES_PER_10S", "1000");
             WsClient alice = WsClient.connect(server.port());
             WsClient bob = WsClient.connect(server.port())) {
            String room = TestServer.name("gone-");
            alice.join(room, "name", TestServer.name("alice"));
            sendSome(alice, room, "old", 5);

            deleteAsAnAdmin(server.env(), room);

            List<JsonNode> joined = bob.join(room, "name", TestServer.name("bob"));
            assertThat(joined.get(1).path("messages")).as("no history of the old room").isEmpty();
            assertThat(alice.next("roomDeleted").path("room").asText()).isEqualTo(room);
            assertNewRoomIsLive(bob, alice, room);
        }
    }

    @Test
    void cluster_members_on_every_instance_are_told_and_the_recreated_room_is_delivered_live() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            try (TestCluster cluster = TestCluster.start(database, 2, "CHAT_MESSAGES_PER_10S", "1000")) {
                List<TestServer> instances = cluster.instances();
                try (WsClient alice = WsClient.connect(instances.get(0).port());
                     WsClient carol = WsClient.connect(instances.get(1).port());
                     WsClient bob = WsClient.connect(instances.get(1).port())) {
                    String room = TestServer.name("gone-");
                    alice.join(room, "name", TestServer.name("alice"));
                    carol.join(room, "name", TestServer.name("carol"));
                    sendSome(alice, room, "old", 5);
                    carol.next(f -> f.path("message").path("seq").asLong() == 5, "the last old message");

                    deleteAsAnAdmin(instances.get(0).env(), room);

                    assertThat(alice.next("roomDeleted").path("room").asText()).isEqualTo(room);
                    assertThat(carol.next("roomDeleted").path("room").asText()).isEqualTo(room);
                    List<JsonNode> joined = bob.join(room, "name", TestServer.name("bob"));
                    assertThat(joined.get(1).path("messages")).as("no history of the old room").isEmpty();
                    assertNewRoomIsLive(bob, alice, room);
                    carol.send("type", "sendMessage", "room", room, "tempId", "late", "text", "still here?", "ref", "late");
                    assertThat(carol.next("error").path("code").asText()).isEqualTo("NOT_IN_ROOM");
                }
            }
        }
    }

    private static void deleteAsAnAdmin(Map<String, String> env, String room) {
        try (Backends admin = Backends.open(ServerConfig.fromEnvironment(env), Clock.systemUTC())) {
            admin.ports().rooms().delete(RoomName.of(room));
        }
    }

    private static void sendSome(WsClient client, String room, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            client.send("type", "sendMessage", "room", room, "tempId", prefix + i, "text", prefix + " " + i, "ref", prefix + i);
            client.next("messageConfirmed");
        }
    }

    /** The new room's first messages are seqs 1 and 2, reach its member live, and never the old room's member. */
    private static void assertNewRoomIsLive(WsClient member, WsClient oldMember, String room) {
        for (int i = 1; i <= 2; i++) {
            member.send("type", "sendMessage", "room", room, "tempId", "new" + i, "text", "new " + i, "ref", "new" + i);
            assertThat(member.next("messageConfirmed").path("seq").asLong()).isEqualTo(i);
            assertThat(member.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"),
                    "the new message, live").path("message").path("seq").asLong()).isEqualTo(i);
        }
        oldMember.send("type", "sendMessage", "room", room, "tempId", "old-again", "text", "hello?", "ref", "old-again");
        JsonNode answer = oldMember.next(f -> f.path("ref").asText().equals("old-again"), "the answer to the old member");
        assertThat(answer.path("code").asText()).as("the old member is no longer in the room").isEqualTo("NOT_IN_ROOM");
        assertThat(oldMember.quietFor(java.time.Duration.ofMillis(300)).stream()
                .filter(f -> f.path("type").asText().equals("message") && f.path("message").has("seq")))
                .as("nothing of the new room reaches the old member").isEmpty();
    }
}
