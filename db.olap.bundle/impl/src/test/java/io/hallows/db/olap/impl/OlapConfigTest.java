package io.hallows.db.olap.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OlapConfigTest {
    @Test
    void defaults() {
        OlapConfig c = OlapConfig.from(Map.of());
        assertEquals(new OlapConfig("olap", 2L << 30, 2, 64), c);
    }

    @Test
    void memoryLimitTakesSizes() {
        assertEquals(512L << 20, OlapConfig.from(Map.of("memoryLimit", "512m")).memoryLimit());
        assertEquals(3L << 30, OlapConfig.from(Map.of("memoryLimit", " 3G ")).memoryLimit());
        assertEquals(1L << 24, OlapConfig.from(Map.of("memoryLimit", Long.toString(1L << 24))).memoryLimit());
    }

    @Test
    void badSettingsNameTheSettingAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OlapConfig.from(Map.of("memoryLimit", "lots")));
        assertTrue(e.getMessage().startsWith("memoryLimit: 'lots'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OlapConfig.from(Map.of("memoryLimit", "1m")));
        assertTrue(e.getMessage().contains("at least 16m"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OlapConfig.from(Map.of("parallelism", "0")));
        assertTrue(e.getMessage().startsWith("parallelism: '0'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OlapConfig.from(Map.of("directory", "../etc")));
        assertTrue(e.getMessage().startsWith("directory:"), e.getMessage());
    }
}
