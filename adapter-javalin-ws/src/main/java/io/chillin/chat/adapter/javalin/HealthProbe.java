package io.chillin.chat.adapter.javalin;

/** One backend the readiness check asks: its role (database, bus, ...), what it is, and whether it answers. */
public interface HealthProbe {

    /** The role, e.g. "database". */
    String role();

    /** What serves the role, e.g. "postgresql" or "in-process". */
    String kind();

    /** Returns normally when the backend answers; throws with the reason otherwise. */
    void check() throws Exception;

    /** A check that returns normally when its backend answers. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /** The probe of {@code role}, served by {@code kind}, asking {@code check}. */
    static HealthProbe of(String role, String kind, Check check) {
        return new HealthProbe() {
            @Override
            public String role() {
                return role;
            }

            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void check() throws Exception {
                check.run();
            }
        };
    }
}
