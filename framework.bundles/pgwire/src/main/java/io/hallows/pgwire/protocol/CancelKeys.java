package io.hallows.pgwire.protocol;

import io.hallows.sql.api.Session;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The BackendKeyData of the server's open sessions: a process id (a counter) and a random secret
 * each. A CancelRequest that names both cancels the session's running statement; any other is
 * ignored, as PostgreSQL does, without telling the sender. Thread-safe.
 */
public final class CancelKeys {
    private final Map<Integer, Entry> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextPid = new AtomicInteger(1);
    private final SecureRandom random = new SecureRandom();

    /** A session's key. */
    public record Key(int pid, int secret) {
    }

    private record Entry(int secret, Session session) {
    }

    Key register(Session session) {
        int secret = random.nextInt();
        while (true) {
            int pid = nextPid.getAndUpdate(p -> p == Integer.MAX_VALUE ? 1 : p + 1);
            if (sessions.putIfAbsent(pid, new Entry(secret, session)) == null) {
                return new Key(pid, secret);
            }
        }
    }

    void remove(Key key) {
        sessions.remove(key.pid());
    }

    /** Cancels the session's statement when {@code secret} is its own; returns whether it did. */
    boolean cancel(int pid, int secret) {
        Entry entry = sessions.get(pid);
        if (entry == null || !MessageDigest.isEqual(intBytes(entry.secret()), intBytes(secret))) {
            return false;
        }
        entry.session().cancel();
        return true;
    }

    /** How many sessions are open. */
    public int size() {
        return sessions.size();
    }

    private static byte[] intBytes(int value) {
        return java.nio.ByteBuffer.allocate(4).putInt(value).array();
    }
}
