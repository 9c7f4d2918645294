package io.chillin.chat.adapter.postgres;

import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM that opens the embedded database, creates one room and holds the database open until its standard
 * input closes: the running server an admin tool meets. H2 shares one engine per process, so only a process of its
 * own can show what a second process sees.
 */
final class OtherProcess implements AutoCloseable {

    private final Process process;

    private OtherProcess(Process process) {
        this.process = process;
    }

    /** Starts it and waits until it has the database open with {@code room} in it. */
    static OtherProcess holding(Path dataDir, boolean shared, String room) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                OtherProcess.class.getName(), dataDir.toString(), Boolean.toString(shared), room))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("open")) {
                return new OtherProcess(process);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the other process did not open the database:\n" + seen);
    }

    public static void main(String[] args) throws IOException {
        DatabaseConfig config = DatabaseConfig.embedded(Path.of(args[0]), Boolean.parseBoolean(args[1]));
        try (Database db = Database.open(config)) {
            new PostgresRoomStore(db).create(new Room(RoomName.of(args[2]), RoomDescription.NONE, Username.of("holder"),
                    null, Instant.now()));
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the database until told to stop
            }
        }
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
