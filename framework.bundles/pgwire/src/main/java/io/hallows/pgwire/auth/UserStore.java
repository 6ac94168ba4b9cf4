package io.hallows.pgwire.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The users who may log in with SCRAM-SHA-256, each with a {@link ScramVerifier}. Read from a
 * file of {@code user:SCRAM-SHA-256$…} lines (verifiers as PostgreSQL stores them) or {@code
 * user:password} lines (hashed at load, with a random salt); blank lines and lines starting with
 * {@code #} are skipped. Immutable and thread-safe.
 */
public final class UserStore {
    private final Map<String, ScramVerifier> verifiers;
    private final SecureRandom random;
    private final byte[] mockSecret = new byte[32];

    private UserStore(Map<String, ScramVerifier> verifiers, SecureRandom random) {
        this.verifiers = Map.copyOf(verifiers);
        this.random = random;
        random.nextBytes(mockSecret);
    }

    /** No users: every SCRAM exchange fails. */
    public static UserStore empty() {
        return new UserStore(Map.of(), new SecureRandom());
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException naming the line that is not {@code user:verifier} or {@code user:password}
     */
    public static UserStore load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** As {@link #load}, from the file's lines; {@code source} names it in errors. */
    public static UserStore parse(List<String> lines, String source) {
        SecureRandom random = new SecureRandom();
        Map<String, ScramVerifier> verifiers = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected user:SCRAM-SHA-256$… or user:password");
            }
            String secret = line.substring(colon + 1);
            ScramVerifier verifier;
            if (secret.startsWith(ScramVerifier.PREFIX)) {
                try {
                    verifier = ScramVerifier.parse(secret);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
                }
            } else {
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                verifier = ScramVerifier.derive(secret, salt, ScramVerifier.DEFAULT_ITERATIONS);
            }
            verifiers.put(line.substring(0, colon), verifier);
        }
        return new UserStore(verifiers, random);
    }

    /** How many users there are. */
    public int size() {
        return verifiers.size();
    }

    /** Starts an exchange for {@code user}; one who is unknown gets a mock verifier and will fail. */
    public ScramExchange exchange(String user) {
        ScramVerifier verifier = verifiers.get(user);
        if (verifier != null) {
            return new ScramExchange(verifier, true, random);
        }
        // The same salt for the same name every time, so that probing cannot tell the user is unknown.
        byte[] mockSalt = java.util.Arrays.copyOf(ScramVerifier.hmac(mockSecret, user), 16);
        byte[] keys = ScramVerifier.hmac(mockSecret, "keys:" + user);
        return new ScramExchange(new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS, mockSalt, keys, keys), false, random);
    }
}
