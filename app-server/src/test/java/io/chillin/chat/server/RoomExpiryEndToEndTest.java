package io.chillin.chat.server;

import static io.chillin.chat.server.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestCluster;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Housekeeping deletes the rooms quick-joins made that nobody used (docs/ARCHITECTURE.md, "The room list is paged,
 * and rooms nobody used expire"): watchers are told, and rooms created on purpose or with a message stay. In a
 * cluster every instance sweeps, and a room somebody is in on another instance stays.
 */
class RoomExpiryEndToEndTest {

    private static final String TTL = "1";

    @Test
    void embedded_an_empty_quick_joined_room_without_history_is_deleted_and_the_others_stay() {
        try (TestServer server = TestServer.start("CHAT_EMPTY_ROOM_TTL_SECONDS", TTL);
             WsClient watcher = WsClient.connect(server.port());
             WsClient alice = WsClient.connect(server.port())) {
            watcher.send("type", "watchRooms", "ref", "w");
            watcher.next("ack");
            String token = server.http().register(TestServer.name("maker"));
            String created = TestServer.name("made ");
            assertThat(server.http().post("/api/rooms/create", json("name", created), token).status()).isEqualTo(201);
            alice.join(TestServer.name("first "), "name", TestServer.name("alice"));
            String written = TestServer.name("written ");
            alice.join(written);
            alice.send("type", "sendMessage", "room", written, "tempId", "t1", "text", "history", "ref", "m");
            alice.next("messageConfirmed");
            leave(alice, written);
            String unused = TestServer.name("unused ");
            alice.join(unused);
            leave(alice, unused);

            awaitDeletionNotice(watcher, unused);

            assertThat(server.http().get(path(unused)).status()).isEqualTo(404);
            assertThat(server.http().get(path(created)).status()).as("created on purpose").isEqualTo(200);
            assertThat(server.http().get(path(written)).status()).as("has a message").isEqualTo(200);
        }
    }

    @Test
    void cluster_every_instance_sweeps_and_a_room_somebody_is_in_elsewhere_stays() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            try (TestCluster cluster = TestCluster.start(database, 2, "CHAT_EMPTY_ROOM_TTL_SECONDS", TTL)) {
                List<TestServer> instances = cluster.instances();
                try (WsClient alice = WsClient.connect(instances.get(0).port());
                     WsClient bob = WsClient.connect(instances.get(1).port());
                     WsClient watcher = WsClient.connect(instances.get(1).port())) {
                    watcher.send("type", "watchRooms", "ref", "w");
                    watcher.next("ack");
                    String occupied = TestServer.name("occupied ");
                    bob.join(occupied, "name", TestServer.name("bob"));
                    String unused = TestServer.name("unused ");
                    alice.join(unused, "name", TestServer.name("alice"));
                    leave(alice, unused);

                    awaitDeletionNotice(watcher, unused);

                    for (TestServer instance : instances) {
                        assertThat(instance.http().get(path(unused)).status()).isEqualTo(404);
                        assertThat(instance.http().get(path(occupied)).body().path("room").path("memberCount").asInt())
                                .as("bob is in it on the other instance").isEqualTo(1);
                    }
                }
            }
        }
    }

    private static void leave(WsClient client, String room) {
        client.send("type", "leave", "room", room, "ref", "leave " + room);
        client.next(f -> f.path("type").asText().equals("ack") && f.path("ref").asText().equals("leave " + room),
                "the ack of leaving " + room);
    }

    /** Waits for the second roomListChanged of the room: the first told of its creation. */
    private static void awaitDeletionNotice(WsClient watcher, String room) {
        for (int i = 0; i < 2; i++) {
            JsonNode notice = watcher.next(f -> f.path("type").asText().equals("roomListChanged")
                    && f.path("room").asText().equals(room), "roomListChanged for " + room);
            assertThat(notice.path("room").asText()).isEqualTo(room);
        }
    }

    private static String path(String room) {
        return "/api/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
