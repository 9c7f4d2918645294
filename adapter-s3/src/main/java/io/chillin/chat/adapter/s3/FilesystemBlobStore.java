package io.chillin.chat.adapter.s3;

import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.domain.ChatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files under one folder (the zero-setup default): the object in {@code key}, its media type in
 * {@code key.type}. Writes go to a temporary file first and are moved into place, so a reader never sees
 * half an object.
 */
public final class FilesystemBlobStore implements BlobStore {

    /** All a client is told when the folder cannot be written; the paths in the error go to the log only. */
    static final String UNAVAILABLE = "the blob store is unavailable: try again shortly";
    private static final Logger LOG = LoggerFactory.getLogger(FilesystemBlobStore.class);

    private final Path root;

    public FilesystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path file(String key) {
        return root.resolve(BlobStore.checkKey(key));
    }

    private static Path typeFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".type");
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            write(typeFile(file), contentType.getBytes(StandardCharsets.UTF_8));
            write(file, content);
        } catch (IOException e) {
            LOG.warn("cannot write blob {}: {}", key, e.toString());
            throw new ChatException.Unavailable(UNAVAILABLE);
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
        Files.write(temporary, bytes);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<Blob> get(String key) {
        Path file = file(key);
        try {
            byte[] content = Files.readAllBytes(file);
            String type = Files.readString(typeFile(file), StandardCharsets.UTF_8);
            return Optional.of(new Blob(content, type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        Path file = file(key);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(typeFile(file));
        } catch (IOException e) {
            LOG.warn("cannot delete blob {}: {}", key, e.toString());
            throw new ChatException.Unavailable(UNAVAILABLE);
        }
    }
}
