package io.hallows.basilisk.server;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** A Logger for tests without a Log Service: keeps {@code "LEVEL message"} with the {} filled in. */
final class Recorder {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getName", "toString" -> "test";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> {
                    if (method.getReturnType() == boolean.class) {
                        yield true;
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String format) {
                        lines.add(method.getName().toUpperCase() + " " + fill(format, args));
                    }
                    yield null;
                }
            });

    private static String fill(String format, Object[] args) {
        // info(String, Object...) arrives as {format, Object[]}; info(String, Object) as {format, arg}.
        Object[] values = args.length == 2 && args[1] instanceof Object[] varargs ? varargs
                : java.util.Arrays.copyOfRange(args, 1, args.length);
        StringBuilder b = new StringBuilder();
        int arg = 0;
        int from = 0;
        for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
            b.append(format, from, at).append(arg < values.length ? values[arg] : "{}");
            arg++;
            from = at + 2;
        }
        return b.append(format.substring(from)).toString();
    }

    boolean has(String level, String... parts) {
        return lines.stream().anyMatch(l -> l.startsWith(level) && java.util.Arrays.stream(parts).allMatch(l::contains));
    }
}
