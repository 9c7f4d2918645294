package io.chillin.chat.cli;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The legacy import on the zero-setup default: the embedded database in a data directory of this test's own. */
class ImportLegacyOnEmbeddedStoreTest extends ImportLegacyContract {

    @TempDir
    Path dataDir;

    @Override
    protected Map<String, String> storeEnv() {
        return Map.of("CHAT_DATA_DIR", dataDir.toString());
    }
}
