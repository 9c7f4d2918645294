package io.chillin.chat.server.support;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A throwaway PostgreSQL database for all the tests of a class: {@code @RegisterExtension static final PostgresPerClass DB = new PostgresPerClass();} */
public final class PostgresPerClass implements BeforeAllCallback, AfterAllCallback {

    private PostgresDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = PostgresDatabase.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    /** The server settings (DB_HOST and friends) that point at the database. */
    public Map<String, String> env() {
        return database.env();
    }
}
