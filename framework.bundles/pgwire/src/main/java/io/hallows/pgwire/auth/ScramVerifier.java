package io.hallows.pgwire.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A user's SCRAM-SHA-256 secret as PostgreSQL stores it:
 * {@code SCRAM-SHA-256$<iterations>:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>}.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    static final String PREFIX = "SCRAM-SHA-256$";
    /** PostgreSQL's default ({@code scram_iterations}). */
    public static final int DEFAULT_ITERATIONS = 4096;

    /**
     * Parses PostgreSQL's format.
     *
     * @throws IllegalArgumentException when {@code text} is not a SCRAM-SHA-256 verifier
     */
    public static ScramVerifier parse(String text) {
        try {
            if (text.startsWith(PREFIX)) {
                String[] parts = text.substring(PREFIX.length()).split("\\$", -1);
                String[] head = parts[0].split(":", -1);
                String[] keys = parts[1].split(":", -1);
                if (parts.length == 2 && head.length == 2 && keys.length == 2) {
                    Base64.Decoder b64 = Base64.getDecoder();
                    ScramVerifier v = new ScramVerifier(Integer.parseInt(head[0]), b64.decode(head[1]), b64.decode(keys[0]), b64.decode(keys[1]));
                    if (v.iterations > 0 && v.storedKey.length == 32 && v.serverKey.length == 32) {
                        return v;
                    }
                }
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier (expected " + PREFIX + "<iterations>:<salt>$<StoredKey>:<ServerKey>)");
    }

    /** The verifier of {@code password} with {@code salt}, as PostgreSQL computes it. */
    public static ScramVerifier derive(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        return new ScramVerifier(iterations, salt.clone(), sha256(clientKey), hmac(salted, "Server Key"));
    }

    /** In PostgreSQL's format. */
    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
    }

    /** Hi() of RFC 5802: PBKDF2 with HMAC-SHA-256, on the password prepared as below. */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        Mac mac = mac(prepare(password).getBytes(StandardCharsets.UTF_8));
        byte[] u = mac.doFinal(ByteBuffer.allocate(salt.length + 4).put(salt).putInt(1).array());
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    /**
     * SASLprep (RFC 4013) in the part that matters for passwords: non-ASCII spaces become spaces,
     * characters "mapped to nothing" go, then NFKC. Identity for ASCII passwords.
     */
    static String prepare(String password) {
        StringBuilder mapped = new StringBuilder(password.length());
        password.codePoints().forEach(c -> {
            if (c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D)
                    || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF) {
                return;
            }
            mapped.appendCodePoint(c != ' ' && Character.isSpaceChar(c) ? ' ' : c);
        });
        return Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    }

    static byte[] hmac(byte[] key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // SecretKeySpec refuses an empty key; HMAC pads any key, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
