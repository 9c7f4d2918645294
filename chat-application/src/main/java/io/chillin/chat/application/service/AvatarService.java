package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Avatar;
import io.chillin.chat.application.port.in.GetAvatarUseCase;
import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.Username;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/** Avatars: generated once at registration into the blob store, served from there, generated on the fly for guests. */
public final class AvatarService implements GetAvatarUseCase {

    private static final Logger LOG = System.getLogger(AvatarService.class.getName());
    private static final String SVG = "image/svg+xml";

    private final BlobStore blobs;

    public AvatarService(BlobStore blobs) {
        this.blobs = blobs;
    }

    static String key(Username name) {
        return "avatars/" + name.key() + ".svg";
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
