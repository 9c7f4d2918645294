package io.chillin.chat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;

/** Where a command's result goes: standard output, as text for people or as JSON for programs. */
public final class Printer {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final boolean colour;

    public Printer(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    public static Printer of(CliContext ctx) {
        return new Printer(ctx.out(), ctx.terminal());
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public void table(Table table) {
        for (String l : table.render(this::bold)) {
            line(l);
        }
    }

    public void json(Object value) {
        line(toJson(value));
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
        }
    }

    public String green(String s) {
        return style(s, "32", "39");
    }

    public String red(String s) {
        return style(s, "31", "39");
    }

    public String bold(String s) {
        return style(s, "1", "22");
    }

    /** ANSI escapes around the text when colour is on; the text itself is never touched. */
    private String style(String s, String on, String off) {
        return colour ? "\u001B[" + on + "m" + s + "\u001B[" + off + "m" : s;
    }
}
