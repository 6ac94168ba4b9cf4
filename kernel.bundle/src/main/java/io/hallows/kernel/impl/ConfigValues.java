package io.hallows.kernel.impl;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Reads ConfigAdmin values that may arrive as a String, a String[] or a Collection, and finds
 * ConfigAdmin configurations by the pids stack files use.
 */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** The non-blank, trimmed strings of a list value; a plain string is split at commas. */
    public static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        Collection<?> items = value instanceof Collection<?> c ? c
                : value instanceof Object[] a ? Arrays.asList(a)
                : Arrays.asList(value.toString().split(","));
        return items.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * ConfigAdmin's configuration for a pid as the Configurator writes it: {@code factory~name} is
     * a named factory configuration, anything else a plain one; created (unbound) if missing.
     */
    public static Configuration configuration(ConfigurationAdmin configAdmin, String pid) throws IOException {
        int tilde = pid.indexOf('~');
        return tilde < 0 ? configAdmin.getConfiguration(pid, "?")
                : configAdmin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?");
    }
}
