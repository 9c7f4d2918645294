package io.chillin.chat.adapter.s3;

import java.util.regex.Pattern;

/** The one rule for blob keys, so no key can climb out of a folder or surprise an S3 server. */
final class BlobKeys {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private BlobKeys() {
    }

    static String check(String key) {
        if (key == null || key.length() > 512 || !SAFE.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a safe blob key: " + key);
        }
        return key;
    }
}
