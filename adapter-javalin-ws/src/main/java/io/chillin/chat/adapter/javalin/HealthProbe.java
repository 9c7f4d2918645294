package io.chillin.chat.adapter.javalin;

/** One backend the readiness check asks: its role (database, bus, ...), what it is, and whether it answers. */
public interface HealthProbe {

    /** The role, e.g. "database". */
    String role();

    /** What serves the role, e.g. "postgresql" or "in-process". */
    String kind();

    /** Returns normally when the backend answers; throws with the reason otherwise. */
    void check() throws Exception;
}
