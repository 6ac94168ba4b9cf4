package io.hallows.dsl.runtime.testing;

import java.lang.reflect.Proxy;
import java.util.List;
import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} for tests without a Log Service: it keeps the message of every entry, at any level. */
public final class RecordingLogger {
    private RecordingLogger() {
    }

    /** A logger that adds each entry's message to {@code lines} (every level enabled). */
    public static Logger into(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getName", "toString" -> "recording logger";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        if (method.getReturnType() == boolean.class) {
                            yield true; // isInfoEnabled() and the like
                        }
                        if (args != null && args.length > 0 && args[0] instanceof String message) {
                            lines.add(message);
                        }
                        yield null;
                    }
                });
    }
}
