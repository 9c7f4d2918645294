package io.chillin.chat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void aligns_columns_by_code_points_and_right_aligns_numbers() {
        Table table = new Table("NAME", "MESSAGES", "NOTE").row("🎉 party", 1200, "x").row("lobby", 7, "multi\nline");

        assertThat(table.render(UnaryOperator.identity())).containsExactly(
                "NAME     MESSAGES  NOTE",
                "🎉 party      1200  x",
                "lobby           7  multi\\nline");
    }

    @Test
    void refuses_a_row_of_the_wrong_width() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Table("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
