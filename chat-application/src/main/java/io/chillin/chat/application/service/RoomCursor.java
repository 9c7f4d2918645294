package io.chillin.chat.application.service;

import io.chillin.chat.domain.ChatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The room list's cursor: the key of the last room of a page, in URL-safe Base64, so that clients treat it as opaque
 * and it survives any URL. A page after it starts at the next key, whether or not that room still exists.
 */
final class RoomCursor {

    /** A key of 30 code points takes at most 240 bytes, 320 characters here; longer is made up. */
    private static final int MAX_CURSOR_CHARS = 400;

    private RoomCursor() {
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor holds. @throws ChatException.Invalid ({@code cursor}) for anything {@link #encode} never made */
    static String decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_CHARS) {
            throw invalid();
        }
        String key;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            key = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
        if (key.isEmpty()) {
            throw invalid();
        }
        return key;
    }

    private static ChatException.Invalid invalid() {
        return new ChatException.Invalid("cursor", "cursor is not one this server gave: use the nextCursor of a page");
    }
}
