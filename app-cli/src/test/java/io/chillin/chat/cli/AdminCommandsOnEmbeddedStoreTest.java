package io.chillin.chat.cli;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands on the zero-setup default: the embedded database in a data directory of this test's own. */
class AdminCommandsOnEmbeddedStoreTest extends AdminCommandsContract {

    @TempDir
    Path dataDir;

    @Override
    protected Map<String, String> storeEnv() {
        return Map.of("CHAT_DATA_DIR", dataDir.toString());
    }
}
