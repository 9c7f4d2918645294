package io.chillin.chat.server;

import static io.chillin.chat.server.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.Http.Response;
import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/rooms a page at a time over real HTTP, the v1 shape without parameters, and GET /api/rooms/{name}. */
class RoomListEndToEndTest {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    private static String path(String room) {
        return "/api/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void create(String token, String... rooms) {
        for (String room : rooms) {
            assertThat(SERVER.http().post("/api/rooms/create", json("name", room), token).status()).isEqualTo(201);
        }
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("rooms").forEach(room -> names.add(room.path("name").asText()));
        return names;
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION");
        assertThat(response.body().path("error").path("field").asText()).isEqualTo(field);
    }

    @Test
    void the_list_pages_by_limit_and_cursor_in_name_order_and_the_last_page_has_no_next_cursor() {
        String token = SERVER.http().register(TestServer.name("pager"));
        String prefix = TestServer.name("paged ");
        create(token, prefix + " c", prefix + " A", prefix + " b");

        List<String> walked = new ArrayList<>();
        String query = "/api/rooms?limit=2";
        JsonNode page;
        do {
            Response response = SERVER.http().get(query);
            assertThat(response.status()).isEqualTo(200);
            page = response.body();
            assertThat(page.path("rooms").size()).isLessThanOrEqualTo(2);
            walked.addAll(names(page));
            query = "/api/rooms?limit=2&cursor=" + page.path("nextCursor").asText();
        } while (page.has("nextCursor"));

        assertThat(walked).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(name -> name.startsWith(prefix)))
                .containsExactly(prefix + " A", prefix + " b", prefix + " c");
    }

    @Test
    void a_client_that_knows_nothing_of_paging_gets_the_v1_shape() {
        String token = SERVER.http().register(TestServer.name("v1"));
        String room = TestServer.name("plain ");
        create(token, room);

        Response list = SERVER.http().get("/api/rooms");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().properties()).extracting(java.util.Map.Entry::getKey)
                .as("fewer than 100 rooms: one page, no cursor").containsExactly("rooms");
        assertThat(names(list.body())).contains(room);
    }

    @Test
    void a_bad_limit_or_cursor_is_400_validation_naming_it() {
        assertInvalid(SERVER.http().get("/api/rooms?limit=0"), "limit");
        assertInvalid(SERVER.http().get("/api/rooms?limit=501"), "limit");
        assertInvalid(SERVER.http().get("/api/rooms?limit=lots"), "limit");
        assertInvalid(SERVER.http().get("/api/rooms?cursor=%2A%2A%2A"), "cursor");
        assertThat(SERVER.http().get("/api/rooms?limit=500").status()).isEqualTo(200);
    }

    @Test
    void one_room_is_shown_by_name_with_its_member_count_and_an_unknown_one_is_404() {
        String room = TestServer.name("shown ");
        try (WsClient alice = WsClient.connect(SERVER.port())) {
            alice.join(room, "name", TestServer.name("alice"));

            Response shown = SERVER.http().get(path(room.toUpperCase()));

            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.body().path("room").path("name").asText()).isEqualTo(room);
            assertThat(shown.body().path("room").path("memberCount").asInt()).isEqualTo(1);
            assertThat(shown.body().path("room").path("isPrivate").asBoolean()).isFalse();
        }
        Response unknown = SERVER.http().get(path(TestServer.name("nowhere ")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertInvalid(SERVER.http().get(path("x".repeat(31))), "name");
    }
}
