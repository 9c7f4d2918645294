package io.chillin.chat.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The few fields the bench counts by, read from frames as the server sends them. */
class BenchFrameReaderTest {

    @Test
    void a_message_event_gives_its_messages_seq_room_and_text_and_not_those_of_the_message_it_replies_to() {
        BenchFrame frame = read("""
                {"type":"message","room":"lobby","message":{"id":812,"room":"lobby","seq":4,"user":"alice",
                "replyTo":{"seq":3,"user":"bob","text":"what do you think?","room":"other"},"text":"bench 17 xxx",
                "timestamp":"2026-12-01T10:00:00Z","reactions":[{"emoji":"x","count":1,"users":["a"]}],"mentions":[],
                "tempId":"b17","rev":9,"editedAt":null,"deleted":false}}""");

        assertThat(frame).isEqualTo(new BenchFrame("message", "", "", "", 4, "lobby", "bench 17 xxx"));
        assertThat(frame.messageHasSeq()).isTrue();
    }

    @Test
    void a_confirmation_gives_its_temp_id_and_its_seq_is_not_taken_for_a_messages() {
        BenchFrame frame = read("""
                {"type":"messageConfirmed","room":"r","tempId":"b12","id":5,"seq":7,"timestamp":"t","ref":"s12"}""");

        assertThat(frame.type()).isEqualTo("messageConfirmed");
        assertThat(frame.tempId()).isEqualTo("b12");
        assertThat(frame.ref()).isEqualTo("s12");
        assertThat(frame.messageHasSeq()).isFalse();
    }

    @Test
    void a_system_notice_has_no_seq() {
        BenchFrame frame = read("""
                {"type":"message","room":"r","message":{"id":"system-1","room":"r","user":"system","text":"b joined"}}""");

        assertThat(frame.messageHasSeq()).isFalse();
        assertThat(frame.messageText()).isEqualTo("b joined");
    }

    @Test
    void an_error_gives_its_code_and_ref_and_a_number_reads_as_its_text() {
        assertThat(read("{\"type\":\"error\",\"ref\":\"s3\",\"code\":\"RATE_LIMITED\",\"message\":\"slow down\",\"retryAfter\":2}"))
                .isEqualTo(new BenchFrame("error", "s3", "", "RATE_LIMITED", -1, "", ""));
        assertThat(read("{\"type\":\"pong\",\"ref\":42}").ref()).isEqualTo("42");
    }

    @Test
    void a_history_page_is_skipped_whole() {
        BenchFrame frame = read("""
                {"type":"messageHistory","room":"r","messages":[{"seq":1,"text":"a","message":{"seq":9}}],"hasMore":false,
                "ref":"join"}""");

        assertThat(frame).isEqualTo(new BenchFrame("messageHistory", "join", "", "", -1, "", ""));
    }

    @Test
    void text_that_is_not_a_json_object_counts_for_nothing() {
        assertThat(read("{\"type\":\"ack\",").type()).isEqualTo("<unparseable>");
        assertThat(read("not json").type()).isEqualTo("<unparseable>");
        assertThat(read("[1,2]").type()).isEmpty();
    }

    @Test
    void bytes_in_the_middle_of_a_buffer_read_as_the_same_text_does() {
        String text = "{\"type\":\"message\",\"message\":{\"seq\":2,\"room\":\"é\",\"text\":\"bench 1 ü\"}}";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[utf8.length + 20];
        System.arraycopy(utf8, 0, buffer, 10, utf8.length);
        buffer[9] = '{';
        buffer[10 + utf8.length] = '}';

        assertThat(BenchFrameReader.read(buffer, 10, utf8.length)).isEqualTo(BenchFrameReader.read(text))
                .isEqualTo(new BenchFrame("message", "", "", "", 2, "é", "bench 1 ü"));
    }

    @Test
    void a_number_is_read_in_place_or_is_minus_one() {
        assertThat(BenchFrame.number("bench 123 x", 6, 9)).isEqualTo(123);
        assertThat(BenchFrame.number("b7", 1, 2)).isEqualTo(7);
        assertThat(BenchFrame.number("b", 1, 1)).isEqualTo(-1);
        assertThat(BenchFrame.number("bx", 1, 2)).isEqualTo(-1);
        assertThat(BenchFrame.number("", 0, 0)).isEqualTo(-1);
    }

    private static BenchFrame read(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return BenchFrameReader.read(utf8, 0, utf8.length);
    }
}
