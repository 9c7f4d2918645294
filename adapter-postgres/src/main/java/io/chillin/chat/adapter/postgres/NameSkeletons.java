package io.chillin.chat.adapter.postgres;

import io.chillin.chat.domain.LookAlikes;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code name_skeleton} of rows written without one (V6): rows from before the column, and imported names. Each
 * gets its skeleton unless another row holds it already; then it keeps none, so that a look-alike kept from before the
 * rule stays usable, while every new look-alike of it is refused by the skeleton its older twin holds.
 */
final class NameSkeletons {

    private static final Logger LOG = LoggerFactory.getLogger(NameSkeletons.class);

    /** A table of names: where the name is spelled, and its case-insensitive key. */
    enum Names {
        USERS("users", "username", "username_key"),
        ROOMS("rooms", "name", "name_key");

        private final String table;
        private final String nameColumn;
        private final String keyColumn;

        Names(String table, String nameColumn, String keyColumn) {
            this.table = table;
            this.nameColumn = nameColumn;
            this.keyColumn = keyColumn;
        }

        /** Sets the skeleton of the row where {@code where} holds, unless it has one or another row holds it. */
        private String claim(String where) {
            return "UPDATE " + table + " SET name_skeleton = :skeleton WHERE " + where + " AND name_skeleton IS NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM " + table + " holder WHERE holder.name_skeleton = :skeleton)";
        }
    }

    private NameSkeletons() {
    }

    /**
     * Gives every row without a skeleton its own where it is free, oldest first. Run at every open: after the
     * migration it fills the old rows once; later it finds only the look-alikes kept from before, and gives one its
     * skeleton once the row that held it is gone.
     */
    static void backfill(Database db) {
        for (Names names : Names.values()) {
            backfill(db, names);
        }
    }

    /** In the caller's transaction, gives the row of {@code key} its skeleton if no other row holds it. */
    static void claim(Handle h, Names names, String key, String skeleton) {
        h.createUpdate(names.claim(names.keyColumn + " = :key")).bind("key", key).bind("skeleton", skeleton).execute();
    }

    private static void backfill(Database db, Names names) {
        record Row(long id, String name) {
        }
        List<Row> rows = db.read(h -> h.createQuery("SELECT id, " + names.nameColumn + " FROM " + names.table
                        + " WHERE name_skeleton IS NULL ORDER BY id")
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2)))
                .list());
        if (rows.isEmpty()) {
            return;
        }
        try {
            int[] claimed = db.write(h -> {
                PreparedBatch batch = h.prepareBatch(names.claim("id = :id"));
                for (Row row : rows) {
                    batch.bind("id", row.id()).bind("skeleton", LookAlikes.skeleton(row.name())).add();
                }
                return batch.execute();
            });
            long given = Arrays.stream(claimed).filter(count -> count > 0).count();
            if (given > 0) {
                LOG.info("{}: {} names got their look-alike skeletons; {} look like an older name and keep none",
                        names.table, given, rows.size() - given);
            }
        } catch (UniqueViolation raced) {
            // Another process opening this database gave one of these skeletons at the same moment: it does the rest.
            LOG.info("{}: another process is filling in the look-alike skeletons", names.table);
        }
    }
}
