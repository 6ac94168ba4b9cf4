package io.hallows.pgwire.protocol;

import io.hallows.pgwire.auth.AuthMethod;
import io.hallows.pgwire.auth.UserStore;
import io.hallows.sql.api.SqlEngine;
import java.util.Objects;
import java.util.function.Function;
import org.osgi.service.log.Logger;

/**
 * What every connection of one server shares: the engines by database name, how clients
 * authenticate, the cancel keys, the message size limit and the log.
 *
 * @param engines the engine serving a database name, or null when none does
 * @param auth {@link AuthMethod#TRUST} or {@link AuthMethod#SCRAM_SHA_256}
 * @param users the SCRAM users (unused for trust)
 * @param cancelKeys the open sessions' BackendKeyData
 * @param maxMessageBytes the longest message a client may send, length word included
 * @param log where failures inside the server go (never secrets)
 */
public record Backend(Function<String, SqlEngine> engines, AuthMethod auth, UserStore users, CancelKeys cancelKeys,
        int maxMessageBytes, Logger log) {
    public Backend {
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(cancelKeys, "cancelKeys");
        Objects.requireNonNull(log, "log");
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024 (was " + maxMessageBytes + ")");
        }
    }
}
