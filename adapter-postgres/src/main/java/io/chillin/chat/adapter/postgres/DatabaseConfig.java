package io.chillin.chat.adapter.postgres;

import java.nio.file.Path;
import java.util.Objects;

/** Where the SQL database is and how many connections to keep to it. */
public record DatabaseConfig(String jdbcUrl, String user, String password, int maxPoolSize) {

    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl must not be blank");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
    }

    /**
     * The zero-setup default: an H2 file database at {@code <dataDir>/chat}, in PostgreSQL mode so
     * the same SQL runs on both, open to this process only (no network listener).
     */
    public static DatabaseConfig embedded(Path dataDir) {
        return embedded(dataDir, false);
    }

    /**
     * As {@link #embedded(Path)}; with {@code sharedWithOtherProcesses} the first process to open the files serves them
     * to the others (an admin tool beside a running server) over a TCP port of H2's own, which only a client that has
     * the random key H2 writes in the data directory's lock file can use. Every process opening the files must say the
     * same.
     */
    public static DatabaseConfig embedded(Path dataDir, boolean sharedWithOtherProcesses) {
        String file = dataDir.toAbsolutePath().normalize().resolve("chat").toString();
        if (file.contains(";")) {
            // H2 reads ';' as the start of the URL's settings
            throw new IllegalArgumentException("the data directory must not contain ';': " + dataDir);
        }
        String url = "jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // appends to one room queue on its row lock; H2's default of 1 s fails them under load
                + ";LOCK_TIMEOUT=10000"
                // a confirmed message must be on disk, not in H2's write-behind buffer (500 ms by default)
                + ";WRITE_DELAY=0"
                // (H2 then needs its own shutdown hook, so DB_CLOSE_ON_EXIT stays on)
                + (sharedWithOtherProcesses ? ";AUTO_SERVER=TRUE" : "");
        return new DatabaseConfig(url, "sa", "", DEFAULT_POOL_SIZE);
    }

    /** A PostgreSQL server. */
    public static DatabaseConfig postgres(String host, int port, String name, String user, String password) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return new DatabaseConfig("jdbc:postgresql://" + hostPart + ":" + port + "/" + name, user, password,
                DEFAULT_POOL_SIZE);
    }

    public DatabaseConfig withMaxPoolSize(int size) {
        return new DatabaseConfig(jdbcUrl, user, password, size);
    }

    /** Leaves the password out, so a logged configuration leaks nothing. */
    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
