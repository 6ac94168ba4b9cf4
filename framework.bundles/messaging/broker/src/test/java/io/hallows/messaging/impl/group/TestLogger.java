package io.hallows.messaging.impl.group;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** A Log Service logger for tests: records the warnings and errors, drops the rest. */
final class TestLogger {
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                String name = method.getName();
                if ((name.equals("warn") || name.equals("error")) && args != null && args[0] instanceof String format) {
                    warnings.add(name + " " + format(format, args));
                }
                if (method.getReturnType() == boolean.class) {
                    return false;
                }
                return method.getReturnType() == String.class ? "test" : null;
            });

    private static String format(String format, Object[] args) {
        StringBuilder sb = new StringBuilder(format);
        for (int i = 1; i < args.length; i++) {
            Object[] values = args[i] instanceof Object[] array ? array : new Object[] {args[i]};
            for (Object v : values) {
                int at = sb.indexOf("{}");
                if (at >= 0) {
                    sb.replace(at, at + 2, String.valueOf(v));
                }
            }
        }
        return sb.toString();
    }
}
