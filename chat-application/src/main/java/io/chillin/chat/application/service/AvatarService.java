package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Avatar;
import io.chillin.chat.application.port.in.GetAvatarUseCase;
import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.Username;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Avatars: generated once at registration into the blob store, served from there, generated on the fly for guests. */
public final class AvatarService implements GetAvatarUseCase {

    private static final Logger LOG = System.getLogger(AvatarService.class.getName());
    private static final String SVG = "image/svg+xml";
    private static final Pattern PLAIN_KEY = Pattern.compile("[a-z0-9_-]+");

    private final BlobStore blobs;

    public AvatarService(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * Where a user's avatar is kept: one key per user (per {@link Username#key()}), in the blob stores' alphabet.
     * A name of ASCII letters, digits, '_' and '-' is its own key, as it always was; any other name is "u." and
     * the hex of its UTF-8 bytes. No name holds a '.', so the two forms never meet.
     */
    static String key(Username name) {
        String key = name.key();
        String file = PLAIN_KEY.matcher(key).matches()
                ? key : "u." + HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8));
        return "avatars/" + file + ".svg";
    }

    /** Stores a new user's avatar; a blob store that is down costs the user nothing, the avatar is made on demand. */
    void storeFor(Username name) {
        try {
            blobs.put(key(name), AvatarImage.svg(name).getBytes(StandardCharsets.UTF_8), SVG);
        } catch (ChatException.Unavailable e) {
            LOG.log(Level.WARNING, "could not store the avatar of " + name + ": " + e.getMessage());
        }
    }

    @Override
    public Avatar avatar(String rawName) {
        Username name = Username.of(rawName);
        try {
            var stored = blobs.get(key(name));
            if (stored.isPresent()) {
                return new Avatar(stored.get().content(), stored.get().contentType());
            }
        } catch (ChatException.Unavailable e) {
            LOG.log(Level.WARNING, "blob store unavailable, generating the avatar of " + name);
        }
        return new Avatar(AvatarImage.svg(name).getBytes(StandardCharsets.UTF_8), SVG);
    }
}
