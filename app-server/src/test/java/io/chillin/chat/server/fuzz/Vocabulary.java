package io.chillin.chat.server.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The names the fuzzer uses. Its own rooms (which a join that happens to be valid may create and enter) carry odd
 * but valid Unicode; the calm room is public and watched, and no generated join ever names it; the vault is
 * private, and none of the generated passwords opens it.
 *
 * @param calmRoom a public room with a member and a history, which generated frames target but never join
 * @param vault    a private room with a member and a history; generated joins try it with wrong passwords
 */
record Vocabulary(String calmRoom, String vault) {

    /** Rooms a generated join may name (and, when the join is valid, create): some spellings share one room. */
    static final List<String> FUZZ_ROOMS = List.of("fz-lobby", "FZ-Lobby", "  fz-lobby  ", "fz-\uD83D\uDE00",
            "fz-\u05E9\u05DC\u05D5\u05DD", "fz-e\u0301", "fz-\u00E9", "fz-zero\u200Bwidth", "fz-\u202Eltr",
            "fz-\u0130stanbul", "fz-\u4F60\u597D", "fz-" + "x".repeat(27));
    /**
     * Odd room names for joins and creates, a fixed few hundred (the same in every run): frames elsewhere carry any
     * odd text, but a room a valid join creates stays, and every room is in each {@code GET /api/rooms}.
     */
    static final List<String> ODD_ROOMS = IntStream.range(0, 300).mapToObj(i -> {
        SplittableRandom r = Seeds.random(0, 0, i);
        return r.nextBoolean() ? HostileText.any(r) : HostileText.pick(r, FUZZ_ROOMS) + HostileText.piece(r);
    }).toList();
    static final List<String> GUEST_NAMES = List.of("fz_guest1", "fz_guest2", "FZ_GUEST1", "fz-\u00E9l\u00E8ve",
            "fz_\u0130i", "fz_\u4F60\u597D", "fz_member", "fz_owner");
    static final List<String> USERNAMES = List.of("fz_user1", "fz_user2", "FZ_User1", "fz_\u00FCser", "fz_u\u0308ser",
            "fz_member", "fz_owner", "fz_guest1");
    static final List<String> PASSWORDS = List.of("fuzz-password", "fuzz-password-2", "123456", "12345", "",
            "\u0000\u0000\u0000\u0000\u0000\u0000", "\uD83D\uDE00".repeat(6), "      ");

    /** A room for a join: mostly the fuzzer's own, sometimes the vault, sometimes one of the odd ones. */
    String joinRoom(SplittableRandom r) {
        int pick = r.nextInt(100);
        if (pick < 65) {
            return HostileText.pick(r, FUZZ_ROOMS);
        }
        if (pick < 67) {
            return r.nextBoolean() ? vault : " " + vault.toUpperCase(Locale.ROOT) + " ";
        }
        return HostileText.pick(r, ODD_ROOMS);
    }

    /** A room for any other frame or request: the calm room and the vault too, spelled in several ways. */
    String anyRoom(SplittableRandom r) {
        int pick = r.nextInt(100);
        if (pick < 35) {
            return HostileText.pick(r, FUZZ_ROOMS);
        }
        if (pick < 55) {
            return HostileText.pick(r, List.of(calmRoom, calmRoom.toUpperCase(Locale.ROOT), " " + calmRoom,
                    calmRoom + "\u200B", calmRoom + "\u0000"));
        }
        if (pick < 65) {
            return vault;
        }
        return HostileText.any(r);
    }

    /** A room that exists for the whole run, in one of its spellings. */
    String existingRoom(SplittableRandom r) {
        return HostileText.pick(r, List.of(calmRoom, vault, calmRoom.toUpperCase(Locale.ROOT), " " + vault + " ",
                FUZZ_ROOMS.getFirst()));
    }

    String guestName(SplittableRandom r) {
        return r.nextInt(10) < 6 ? HostileText.pick(r, GUEST_NAMES) : HostileText.any(r);
    }

    String username(SplittableRandom r) {
        return r.nextInt(10) < 6 ? HostileText.pick(r, USERNAMES) : HostileText.any(r);
    }

    String password(SplittableRandom r) {
        return r.nextInt(10) < 7 ? HostileText.pick(r, PASSWORDS) : HostileText.any(r);
    }
}
