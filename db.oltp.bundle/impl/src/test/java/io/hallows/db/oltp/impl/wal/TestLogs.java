package io.hallows.db.oltp.impl.wal;

import java.lang.reflect.Proxy;
import java.util.List;
import org.osgi.service.log.Logger;

/** Loggers for tests without a Log Service. */
public final class TestLogs {
    private TestLogs() {
    }

    /** A logger that adds {@code "<level> <message>"} of each entry to {@code lines}. */
    public static Logger recording(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName", "toString" -> "wal test logger";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        if (method.getReturnType() == boolean.class) {
                            yield true;
                        }
                        if (args != null && args.length > 0 && args[0] instanceof String message) {
                            lines.add(method.getName().toUpperCase() + " " + message);
                        }
                        yield null;
                    }
                });
    }
}
