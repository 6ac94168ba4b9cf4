package io.hallows.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin API's bearer token, kept in a file only its owner may read. The first start generates
 * 32 random bytes (base64url); later starts reuse the file, so clients keep working across restarts.
 * The file is created with {@code rw-------} in the same call that creates it, so it is never
 * readable by others, not even briefly. An existing file that group or others may access is
 * refused: the token may have leaked, and fixing the mode silently would hide that.
 */
final class TokenFile {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,}");
    private static final int TOKEN_BYTES = 32;

    private final Path path;
    private final byte[] token;

    private TokenFile(Path path, String token) {
        this.path = path;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads the token at {@code path}, generating the file first if there is none.
     *
     * @throws IllegalStateException if the existing file is open to group or others, or holds no token
     * @throws IOException if the file or its folder cannot be read or created
     */
    static TokenFile openOrCreate(Path path) throws IOException {
        if (Files.notExists(path)) {
            try {
                return create(path);
            } catch (FileAlreadyExistsException e) {
                // Another stack created it first: use theirs.
            }
        }
        return read(path);
    }

    Path path() {
        return path;
    }

    /** Whether {@code presented} is the token, in time that does not depend on where they differ. */
    boolean matches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static TokenFile create(Path path) throws IOException {
        Path dir = path.getParent();
        if (dir != null && Files.notExists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        }
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // CREATE_NEW never follows or reuses an existing file (nor a symbolic link planted there).
        try (FileChannel out = FileChannel.open(path, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            out.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        }
        return new TokenFile(path, token);
    }

    private static TokenFile read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("admin token file " + path + " is not a regular file; remove it or set "
                    + AdminConfig.TOKEN_FILE + " to another path");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        if (!OWNER_ONLY.containsAll(mode)) {
            throw new IllegalStateException("admin token file " + path + " is open to group or others ("
                    + PosixFilePermissions.toString(mode) + "), so the token may have leaked: delete it to have a new one "
                    + "generated, or run chmod 600 " + path + " if you are sure no one read it");
        }
        String token = Files.readString(path, StandardCharsets.ISO_8859_1).strip();
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalStateException("admin token file " + path + " does not hold a token (at least 16 characters "
                    + "of A-Z a-z 0-9 _ -): delete it to have a new one generated");
        }
        return new TokenFile(path, token);
    }
}
