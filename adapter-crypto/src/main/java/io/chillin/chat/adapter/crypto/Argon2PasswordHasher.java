package io.chillin.chat.adapter.crypto;

import io.chillin.chat.application.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}). Hashes of
 * the old Node.js app ({@value #LEGACY_PREFIX} + hex SHA-256, unsalted) still verify, and so do
 * those hashes strengthened at import ({@value #STRENGTHENED_PREFIX}..., Argon2id of that hex digest);
 * both report that they need a rehash, so the first successful login replaces them. Every Argon2
 * computation runs within an {@link Argon2Budget}, so guesses cannot exhaust the heap.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    /** Prefix under which imported legacy SHA-256 hashes are stored. */
    public static final String LEGACY_PREFIX = "legacy-sha256$";

    /** Prefix of an old app's hash strengthened at import: the PHC string of Argon2id over its hex SHA-256. */
    public static final String STRENGTHENED_PREFIX = "$argon2id-sha256$";

    /** OWASP's first recommended Argon2id setting: 19 MiB, 2 passes, 1 lane. */
    public static final Cost OWASP = new Cost(19 * 1024, 2, 1);

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String PHC_PREFIX = "$argon2id$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Cost cost;
    private final Argon2Budget budget;
    private final SecureRandom random = new SecureRandom();

    /** A hasher whose computations share {@code budget}'s slots, one slot being one hash at {@code cost}. */
    public Argon2PasswordHasher(Cost cost, Argon2Budget budget) {
        this.cost = cost;
        this.budget = budget;
    }

    /** At this cost, within a budget sized to this JVM's heap: make one per process. */
    public Argon2PasswordHasher(Cost cost) {
        this(cost, Argon2Budget.forHeap(cost));
    }

    public Argon2PasswordHasher() {
        this(OWASP);
    }

    /** Argon2id's work factors: memory in KiB, passes, lanes. */
    public record Cost(int memoryKib, int iterations, int parallelism) {
        public Cost {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("invalid Argon2 cost");
            }
        }
    }

    /** @throws io.chillin.chat.domain.ChatException.RateLimited when the budget has no slot for it */
    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = budget.run(1, () -> derive(password, salt, cost, HASH_BYTES));
        return PHC_PREFIX + "v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * The old app's stored hash ({@value #LEGACY_PREFIX} + hex SHA-256) made as costly to guess as a fresh one, without
     * the password: Argon2id of the hex digest, under {@value #STRENGTHENED_PREFIX}.
     *
     * @throws IllegalArgumentException when {@code legacyHash} is not in the old app's form
     */
    public String strengthenLegacy(String legacyHash) {
        String hex = legacyHash.startsWith(LEGACY_PREFIX) ? legacyHash.substring(LEGACY_PREFIX.length()) : "";
        if (!HEX_SHA256.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a legacy SHA-256 hash");
        }
        return STRENGTHENED_PREFIX + hash(hex.toLowerCase()).substring(PHC_PREFIX.length());
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        if (password == null || encodedHash == null) {
            return false;
        }
        if (encodedHash.startsWith(LEGACY_PREFIX)) {
            byte[] expected = encodedHash.substring(LEGACY_PREFIX.length()).toLowerCase().getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, legacySha256(password).getBytes(StandardCharsets.US_ASCII));
        }
        if (encodedHash.startsWith(STRENGTHENED_PREFIX)) {
            return verifyPhc(legacySha256(password), PHC_PREFIX + encodedHash.substring(STRENGTHENED_PREFIX.length()));
        }
        return verifyPhc(password, encodedHash);
    }

    /** @throws io.chillin.chat.domain.ChatException.RateLimited when the budget has no slots for it */
    private boolean verifyPhc(String password, String encodedHash) {
        Matcher m = PHC.matcher(encodedHash);
        if (!m.matches()) {
            return false;
        }
        Cost stored;
        try {
            stored = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (stored.memoryKib() > 4 * 1024 * 1024) {
            return false; // refuse to spend more than 4 GiB on a hostile or corrupt hash
        }
        byte[] salt = B64_DECODER.decode(m.group(4));
        byte[] expected = B64_DECODER.decode(m.group(5));
        // A stored hash costlier than ours takes the memory of as many of ours.
        int weight = Math.ceilDiv(stored.memoryKib(), cost.memoryKib());
        return MessageDigest.isEqual(expected, budget.run(weight, () -> derive(password, salt, stored, expected.length)));
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        Matcher m = PHC.matcher(encodedHash);
        return !m.matches()
                || Integer.parseInt(m.group(1)) != cost.memoryKib()
                || Integer.parseInt(m.group(2)) != cost.iterations()
                || Integer.parseInt(m.group(3)) != cost.parallelism();
    }

    /** The form in which a password hash of the old app is stored: {@value #LEGACY_PREFIX} + its hex digest. */
    public static String legacyHash(String hexSha256) {
        return LEGACY_PREFIX + hexSha256.toLowerCase();
    }

    /** Hex SHA-256 of the password, unsalted: what the old app stored. */
    public static String legacySha256(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
