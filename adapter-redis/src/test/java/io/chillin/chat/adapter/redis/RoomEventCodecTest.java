package io.chillin.chat.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.domain.room.RoomName;
import org.junit.jupiter.api.Test;

class RoomEventCodecTest {

    private final RoomEvent event = new RoomEvent.RoomChanged(RoomName.of("Lounge"), true);

    @Test
    void an_event_is_known_to_be_from_its_own_origin_without_being_parsed() {
        String text = RoomEventCodec.encode("instance-a", event);

        assertThat(RoomEventCodec.isFrom(text, "instance-a")).isTrue();
        assertThat(RoomEventCodec.decode(text).origin()).isEqualTo("instance-a");
        assertThat(RoomEventCodec.decode(text).event()).isEqualTo(event);
    }

    @Test
    void an_event_of_another_origin_is_not_taken_for_ours_even_when_one_name_begins_the_other() {
        assertThat(RoomEventCodec.isFrom(RoomEventCodec.encode("instance-b", event), "instance-a")).isFalse();
        assertThat(RoomEventCodec.isFrom(RoomEventCodec.encode("instance-ab", event), "instance-a")).isFalse();
        assertThat(RoomEventCodec.isFrom(RoomEventCodec.encode("instance-a", event), "instance-ab")).isFalse();
        assertThat(RoomEventCodec.isFrom("{\"room\":\"x\",\"origin\":\"instance-a\"}", "instance-a"))
                .as("not in the first place: left to the full decode").isFalse();
    }
}
