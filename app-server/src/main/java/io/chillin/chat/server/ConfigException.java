package io.chillin.chat.server;

/** The configuration cannot work; the message says which setting to fix and how. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
