package io.hallows.pgwire.auth;

/** How clients prove who they are: not at all ({@code trust}), or with SCRAM-SHA-256. */
public enum AuthMethod {
    TRUST("trust"),
    SCRAM_SHA_256("scram-sha-256");

    private final String configName;

    AuthMethod(String configName) {
        this.configName = configName;
    }

    /** The name in {@code hallows.pgwire.auth} (as in PostgreSQL's {@code pg_hba.conf}). */
    public String configName() {
        return configName;
    }

    /** The method named {@code name}, or null. */
    public static AuthMethod named(String name) {
        for (AuthMethod m : values()) {
            if (m.configName.equalsIgnoreCase(name)) {
                return m;
            }
        }
        return null;
    }
}
