package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.Http.Response;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/**
 * A backend that goes away mid-flight: clients learn that it is unavailable, in words of the protocol's own,
 * and nothing of the driver's exception, the database's name or the server's addresses (those go to the log).
 */
class BackendDownEndToEndTest {

    private static final String DATABASE_DOWN = "the database is unavailable: try again shortly";
    private static final String BACKEND_DOWN = "did not answer (see the server log)";

    private static AbstractStringAssert<?> assertGeneric(String clientText, PostgresDatabase db) {
        String databaseName = db.env().get("DB_NAME");
        return assertThat(clientText)
                .doesNotContain(databaseName)
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("fatal")
                .doesNotContainIgnoringCase("jdbc")
                .doesNotContainIgnoringCase("chat-db")
                .doesNotContain("127.0.0.1")
                .doesNotContain("5432");
    }

    @Test
    void a_dropped_database_is_reported_to_clients_in_fixed_words() {
        PostgresDatabase db = PostgresDatabase.create();
        try (db; TestServer server = TestServer.start(db.serverEnv())) {
            String room = TestServer.name("down-");
            try (WsClient ann = WsClient.connect(server.port())) {
                ann.join(room, "name", TestServer.name("ann"));

                db.close(); // DROP DATABASE ... WITH (FORCE): every connection is cut and none can be made again

                ann.send("type", "sendMessage", "room", room, "tempId", "t1", "text", "into the void");
                JsonNode error = ann.next("error");
                assertThat(error.path("code").asText()).isEqualTo("UNAVAILABLE");
                assertThat(error.path("message").asText()).isEqualTo(DATABASE_DOWN);
            }

            Response rooms = server.http().get("/api/rooms");
            assertThat(rooms.status()).isEqualTo(503);
            assertThat(rooms.errorCode()).isEqualTo("UNAVAILABLE");
            assertThat(rooms.body().path("error").path("message").asText()).isEqualTo(DATABASE_DOWN);
            assertGeneric(rooms.raw().body(), db).doesNotContainIgnoringCase("sql");

            Response ready = server.http().get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            JsonNode database = ready.body().path("backends").path("database");
            assertThat(database.path("status").asText()).isEqualTo("down");
            assertThat(database.path("kind").asText()).isEqualTo("postgresql");
            assertThat(database.path("error").asText()).isEqualTo(BACKEND_DOWN);
            assertGeneric(ready.raw().body(), db);
        }
    }
}
