package io.hallows.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.pgwire.auth.AuthMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgWireConfigTest {
    @Test
    void defaultsServeTrustOnLoopback() {
        PgWireConfig c = PgWireConfig.from(Map.<String, String>of()::get);
        assertEquals("127.0.0.1", c.host());
        assertEquals(5433, c.port());
        assertEquals(AuthMethod.TRUST, c.auth());
        assertEquals(16 << 20, c.maxMessageBytes());
        assertEquals(256, c.maxConnections());
        assertNull(c.keyStore());
    }

    @Test
    void otherAddressesDefaultToScramAndRefuseTrust() {
        assertEquals(AuthMethod.SCRAM_SHA_256, PgWireConfig.from(Map.of(PgWireConfig.HOST, "0.0.0.0")::get).auth());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgWireConfig.from(Map.of(PgWireConfig.HOST, "0.0.0.0", PgWireConfig.AUTH, "trust")::get));
        assertTrue(e.getMessage().startsWith("hallows.pgwire.auth=trust is allowed only on a loopback address"), e.getMessage());
        assertEquals(AuthMethod.SCRAM_SHA_256, PgWireConfig.from(Map.of(PgWireConfig.AUTH, "SCRAM-SHA-256")::get).auth());
    }

    @Test
    void badValuesNameTheirProperty() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PgWireConfig.from(Map.of(PgWireConfig.PORT, "70000")::get))
                .getMessage().startsWith("hallows.pgwire.port must be a number from 0 to 65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PgWireConfig.from(Map.of(PgWireConfig.AUTH, "md5")::get))
                .getMessage().startsWith("hallows.pgwire.auth must be trust or scram-sha-256"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PgWireConfig.from(Map.of(PgWireConfig.MAX_CONNECTIONS, "0")::get)).getMessage().startsWith("hallows.pgwire.maxConnections"));
    }

    @Test
    void theKeyStorePasswordIsNotShown() {
        PgWireConfig c = PgWireConfig.from(Map.of(PgWireConfig.TLS_KEY_STORE, "k.p12", PgWireConfig.TLS_PASSWORD, "hunter2")::get);
        assertEquals("hunter2", c.keyStorePassword());
        assertTrue(!c.toString().contains("hunter2"), c.toString());
    }
}
