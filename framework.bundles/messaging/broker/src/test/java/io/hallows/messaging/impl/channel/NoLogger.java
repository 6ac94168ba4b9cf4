package io.hallows.messaging.impl.channel;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** A Logger that records the messages of warnings and errors, and discards the rest. */
public final class NoLogger {
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if ((method.getName().equals("warn") || method.getName().equals("error")) && args != null && args[0] instanceof String s) {
                    problems.add(s);
                }
                if (method.getReturnType() == boolean.class) {
                    return false;
                }
                return method.getReturnType() == String.class ? "test" : null;
            });

    public Logger logger() {
        return logger;
    }

    /** The warnings and errors logged, as their message patterns. */
    public List<String> problems() {
        return problems;
    }
}
