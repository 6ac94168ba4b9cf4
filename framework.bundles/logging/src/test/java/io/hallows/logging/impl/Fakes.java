package io.hallows.logging.impl;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.LoggerFactory;

/** Stand-ins for the OSGi Log Service in unit tests: they record what they are given. */
public final class Fakes {
    private Fakes() {
    }

    /** One line the fake Log Service kept. */
    public record Kept(LogLevel level, String logger, String message, Throwable failure) {
    }

    /**
     * A LoggerFactory whose loggers keep every line at or above the level configured for their
     * name ({@code levels}, exact names) or WARN, in {@code kept}.
     */
    public static LoggerFactory loggerFactory(Map<String, LogLevel> levels, List<Kept> kept) {
        return (LoggerFactory) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {LoggerFactory.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getLogger") || args.length != 3) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String name = (String) args[1];
                    return logger(name, levels.getOrDefault(name, LogLevel.WARN), kept);
                });
    }

    private static org.osgi.service.log.Logger logger(String name, LogLevel threshold, List<Kept> kept) {
        return (org.osgi.service.log.Logger) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {org.osgi.service.log.Logger.class}, (proxy, method, args) -> {
                    String m = method.getName();
                    if (m.startsWith("is") && m.endsWith("Enabled")) {
                        LogLevel asked = LogLevel.valueOf(m.substring(2, m.length() - 7).toUpperCase());
                        return threshold.implies(asked);
                    }
                    LogLevel level = LogLevel.valueOf(m.toUpperCase());
                    Object[] rest = args.length > 1 && args[1] instanceof Object[] a ? a : new Object[0];
                    Throwable failure = rest.length == 1 && rest[0] instanceof Throwable t ? t : null;
                    if (level == LogLevel.AUDIT || threshold.implies(level)) {
                        kept.add(new Kept(level, name, (String) args[0], failure));
                    }
                    return null;
                });
    }

    /** A LogEntry with these values. */
    public static LogEntry entry(long time, LogLevel level, String logger, String message, Throwable failure) {
        return (LogEntry) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {LogEntry.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getTime" -> time;
                    case "getLogLevel" -> level;
                    case "getLoggerName" -> logger;
                    case "getMessage" -> message;
                    case "getException" -> failure;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> level + " " + logger + ": " + message;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A LogReaderService whose history is {@code newestFirst}; the listeners added are kept in {@code listeners}. */
    public static LogReaderService reader(List<LogEntry> newestFirst, List<LogListener> listeners) {
        List<LogListener> added = listeners == null ? new CopyOnWriteArrayList<>() : listeners;
        return (LogReaderService) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {LogReaderService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getLog" -> Collections.enumeration(newestFirst);
                    case "addLogListener" -> added.add((LogListener) args[0]);
                    case "removeLogListener" -> added.remove(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName() + Arrays.toString(args));
                });
    }
}
