package io.chillin.chat.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What could carry a secret is masked wherever it appears in a line; ordinary words stay as they are. */
class SecretScrubberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET /ws?token=s3cr3t-tok&room=lobby HTTP/1.1 | GET /ws?token=***&room=lobby HTTP/1.1",
            "upgrade /ws?accessToken=s3cr3t-tok | upgrade /ws?accessToken=***",
            "body {\"username\":\"alice\",\"password\":\"correct horse s3cr3t\"} | body {\"username\":\"alice\",\"password\":\"***\"}",
            "{\"token\": \"s3cr3t-tok\"} | {\"token\": \"***\"}",
            "Authorization: Bearer s3cr3t-tok | Authorization: ***",
            "header authorization=Basic czNjcjN0 | header authorization=***",
            "sent Bearer s3cr3t-tok upstream | sent Bearer *** upstream",
            "connecting to redis://default:s3cr3t@cache:6379/0 | connecting to redis://default:***@cache:6379/0",
            "jdbc:postgresql://db/chat?user=chat&password=s3cr3t | jdbc:postgresql://db/chat?user=chat&password=***",
            "S3_SECRET_ACCESS_KEY=s3cr3t, region=eu | S3_SECRET_ACCESS_KEY=***, region=eu",
            "password='two words s3cr3t' | password='***'",
            "token:s3cr3t-tok | token:***",
            "DB_PASSWD=s3cr3t | DB_PASSWD=***",
            "X-Api-Key=s3cr3t | X-Api-Key=***",
            "PROXY-AUTHORIZATION: Basic czNjcjN0 | PROXY-AUTHORIZATION: ***",
            "sent BEARER s3cr3t-tok upstream | sent BEARER *** upstream",
            "HTTPS://u:s3cr3t@host/x | HTTPS://u:***@host/x",
    })
    void a_secret_is_masked_and_the_rest_of_the_line_kept(String line, String scrubbed) {
        assertThat(SecretScrubber.scrub(line)).isEqualTo(scrubbed).doesNotContain("s3cr3t").doesNotContain("czNjcjN0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/rooms 200 3.1 ms 127.0.0.1",
            "unknown or expired token: log in again",
            "CHAT_PASSWORD_MIN_LENGTH must be a whole number from 1 to 64, not 'x'",
            "websocket closed with 1000 after 212 ms",
            "http://127.0.0.1:5000/health",
    })
    void a_line_without_secrets_is_left_alone(String line) {
        assertThat(SecretScrubber.scrub(line)).isEqualTo(line);
    }
}
