package io.chillin.chat.domain.user;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.Text;

/**
 * What a password must look like: at least {@code minLength} characters and at most
 * {@code maxLength}, a cap high enough for passphrases that only bounds hashing work.
 */
public record PasswordPolicy(int minLength, int maxLength) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(6, 1024);

    public PasswordPolicy {
        if (minLength < 1 || maxLength < 64 || minLength > maxLength) {
            throw new IllegalArgumentException("need 1 <= minLength <= maxLength and maxLength >= 64");
        }
    }

    /** Checks a chosen password (field {@code field}) and returns it unchanged. */
    public String check(String password, String field) {
        Text.required(password, field);
        int length = Text.length(password);
        if (length < minLength) {
            throw new ChatException.Invalid(field, field + " must be at least " + minLength + " characters");
        }
        if (length > maxLength) {
            throw new ChatException.Invalid(field, field + " must be at most " + maxLength + " characters");
        }
        return password;
    }
}
