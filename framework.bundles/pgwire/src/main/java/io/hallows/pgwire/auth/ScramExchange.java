package io.hallows.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * One server-side SCRAM-SHA-256 exchange (RFC 5802 §5), without channel binding: the client
 * first sends {@code n,,n=<user>,r=<nonce>}, the server answers {@code r=<nonce+ours>,s=<salt>,
 * i=<iterations>}; the client proves it knows the password with {@code c=biws,r=<nonce>,p=<proof>},
 * the server checks the proof against the stored key and signs {@code v=<signature>}. The user
 * name inside the messages is ignored: PostgreSQL authenticates the startup message's user.
 * Not thread-safe: one connection drives it.
 */
public final class ScramExchange {
    /** The SASL mechanism name. */
    public static final String MECHANISM = "SCRAM-SHA-256";
    private static final int NONCE_BYTES = 18;

    private final ScramVerifier verifier;
    private final boolean userKnown;
    private final Supplier<String> serverNonce;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /** @param userKnown false when {@code verifier} is a mock one: the exchange then always fails */
    ScramExchange(ScramVerifier verifier, boolean userKnown, SecureRandom random) {
        this(verifier, userKnown, () -> {
            byte[] ours = new byte[NONCE_BYTES];
            random.nextBytes(ours);
            return Base64.getEncoder().encodeToString(ours);
        });
    }

    /** With the server's part of the nonce from {@code serverNonce} (tests use RFC 7677's). */
    ScramExchange(ScramVerifier verifier, boolean userKnown, Supplier<String> serverNonce) {
        this.verifier = verifier;
        this.userKnown = userKnown;
        this.serverNonce = serverNonce;
    }

    /** Takes the client-first message, returns the server-first message. */
    public byte[] serverFirst(byte[] clientFirst) throws AuthenticationFailed {
        if (serverFirst != null) {
            throw malformed("client-first message received twice");
        }
        String message = new String(clientFirst, StandardCharsets.UTF_8);
        // gs2-header: cbind-flag "," [authzid] ","
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            throw malformed("no GS2 header");
        }
        String flag = message.substring(0, first);
        if (!flag.equals("n") && !flag.equals("y")) {
            throw malformed("channel binding is not supported (flag '" + flag + "')");
        }
        if (second != first + 1) {
            throw malformed("an authorization identity is not supported");
        }
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String[] attributes = clientFirstBare.split(",", -1);
        if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=") || attributes[1].length() < 3) {
            throw malformed("expected n=<user>,r=<nonce>");
        }
        String clientNonce = attributes[1].substring(2);
        if (!clientNonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw malformed("invalid nonce");
        }
        nonce = clientNonce + serverNonce.get();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i=" + verifier.iterations();
        return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Takes the client-final message, returns the server-final message when the proof is right.
     *
     * @throws AuthenticationFailed {@link AuthenticationFailed#rejected() rejected} for a wrong
     *     proof or an unknown user, else for a malformed message
     */
    public byte[] serverFinal(byte[] clientFinal) throws AuthenticationFailed {
        if (serverFirst == null) {
            throw malformed("client-final message before client-first");
        }
        String message = new String(clientFinal, StandardCharsets.UTF_8);
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw malformed("no proof");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attributes = withoutProof.split(",", -1);
        if (attributes.length < 2 || !attributes[0].startsWith("c=") || !attributes[1].startsWith("r=")) {
            throw malformed("expected c=<binding>,r=<nonce>,p=<proof>");
        }
        byte[] proof;
        byte[] binding;
        try {
            binding = Base64.getDecoder().decode(attributes[0].substring(2));
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw malformed("invalid base64");
        }
        if (!MessageDigest.isEqual(binding, gs2Header.getBytes(StandardCharsets.UTF_8))) {
            throw malformed("channel binding does not match the GS2 header");
        }
        if (!attributes[1].substring(2).equals(nonce)) {
            throw malformed("nonce does not match");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] signature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
        if (proof.length != signature.length) {
            throw malformed("proof of " + proof.length + " bytes");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        boolean proven = MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey());
        if (!proven || !userKnown) {
            throw new AuthenticationFailed("password authentication failed", true);
        }
        byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), authMessage);
        return ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8);
    }

    private static AuthenticationFailed malformed(String why) {
        return new AuthenticationFailed("malformed SCRAM message: " + why, false);
    }
}
