package io.chillin.chat.cli.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void draws_in_place_and_ends_with_a_full_bar() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "reading messages.json", 200, true);

        bar.update(50);
        bar.finish();

        assertThat(out.toString()).startsWith("\rreading messages.json [#######.......................]  25%")
                .endsWith("\rreading messages.json [##############################] 100%" + System.lineSeparator());
    }

    @Test
    void a_disabled_bar_prints_nothing() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "x", 10, false);

        bar.update(5);
        bar.finish();

        assertThat(out.toString()).isEmpty();
    }

    @Test
    void clamps_what_is_out_of_range() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "x", 10, true);

        assertThat(bar.line(-5)).endsWith("   0%");
        assertThat(bar.line(50)).endsWith(" 100%");
    }
}
