package io.chillin.chat.application.port.in;

/** Raw send input; validated by the use case. {@code replyTo} is the seq of the message it answers, or null. */
public record SendMessageCommand(String room, String tempId, String text, Long replyTo) {

    /** A send that answers no message. */
    public SendMessageCommand(String room, String tempId, String text) {
        this(room, tempId, text, null);
    }
}
