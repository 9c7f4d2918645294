package io.chillin.chat.cli.bench;

/**
 * Of one server frame, what the bench counts by: its {@code type}, {@code ref}, {@code tempId} and {@code code} ("" when
 * absent, as {@code JsonNode.asText} reads them), and of a {@code message} event its message's {@code seq} (-1 when it
 * has none: a system notice), {@code room} and {@code text}.
 */
record BenchFrame(String type, String ref, String tempId, String code, long messageSeq, String messageRoom,
                  String messageText) {

    /** What a frame that is not JSON reads as: a type no handler counts. */
    static final BenchFrame UNPARSEABLE = new BenchFrame("<unparseable>", "", "", "", -1, "", "");

    boolean messageHasSeq() {
        return messageSeq >= 0;
    }

    /** The decimal number in {@code text[from, to)}, or -1 when there is none there; no substring is made. */
    static int number(String text, int from, int to) {
        if (from >= to || to > text.length()) {
            return -1;
        }
        try {
            return Integer.parseInt(text, from, to, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
