package io.chillin.chat.cli.legacy;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.Email;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which of {@code users.json}'s users to create. Policy: a name that breaks today's rules is skipped; of names
 * that differ only in case the first in the file wins (later ones are skipped, their messages go to the
 * winner); a user without a hex SHA-256 password is skipped (nobody could log in); a bad email is dropped, a
 * missing creation time becomes the import time. Avatar URLs are not imported: the server generates avatars.
 */
final class UserPlanner {

    private final Instant now;

    UserPlanner(Instant now) {
        this.now = now;
    }

    /** The users to create, and every account name known afterwards (stored or created) by key. */
    record Plan(List<User> toCreate, Map<String, Username> accounts) {
    }

    Plan plan(List<LegacyEntry> entries, Map<String, Username> stored, FileTally tally) {
        List<User> toCreate = new ArrayList<>();
        Map<String, Username> accounts = new LinkedHashMap<>(stored);
        Map<String, String> firstSpelling = new HashMap<>();
        int avatars = 0;
        int noCreatedAt = 0;
        for (LegacyEntry entry : entries) {
            tally.read();
            String raw = entry.text("username") != null ? entry.text("username") : entry.key();
            String label = "\"" + raw + "\"";
            Username name;
            try {
                name = Username.of(raw);
            } catch (ChatException.Invalid e) {
                tally.skipped(label, "username breaks today's rules", e.getMessage());
                continue;
            }
            String first = firstSpelling.putIfAbsent(name.key(), name.value());
            if (first != null) {
                tally.skipped(label, "same name as an earlier user, ignoring case",
                        "the first, '" + first + "', wins; messages by '" + name + "' go to it");
                continue;
            }
            Optional<String> hash = LegacyHashes.stored(entry.text("password"));
            if (hash.isEmpty()) {
                tally.skipped(label, "password is not a hex SHA-256", "nobody could log in to this account");
                continue;
            }
            String email = "";
            try {
                email = Email.normalise(entry.text("email"));
            } catch (ChatException.Invalid e) {
                tally.note("user " + name + ": email '" + entry.text("email") + "' is not a valid address; imported without one");
            }
            Optional<Instant> createdAt = LegacyTimestamps.parse(entry.value().get("createdAt"));
            noCreatedAt += createdAt.isEmpty() ? 1 : 0;
            avatars += entry.text("avatar") != null ? 1 : 0;
            if (stored.containsKey(name.key())) {
                tally.alreadyPresent();
                continue;
            }
            toCreate.add(new User(name, hash.get(), email, createdAt.orElse(now)));
            accounts.put(name.key(), name);
            tally.willImport();
        }
        if (noCreatedAt > 0) {
            tally.note(noCreatedAt + " user(s) without a readable createdAt: the import time was used");
        }
        if (avatars > 0) {
            tally.note(avatars + " avatar URL(s) not imported: the server generates every user's avatar");
        }
        return new Plan(toCreate, accounts);
    }
}
