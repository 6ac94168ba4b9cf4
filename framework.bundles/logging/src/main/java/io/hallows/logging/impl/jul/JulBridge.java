package io.hallows.logging.impl.jul;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Installs a handler as the only one of java.util.logging's root logger, with the root level the
 * Log Service's default, and puts the previous handlers and level back on {@link #restore()}.
 */
public final class JulBridge {
    private final Logger root = Logger.getLogger("");
    private final Handler handler;
    private final Handler[] previous;
    private final Level previousLevel;

    private JulBridge(Handler handler) {
        this.handler = handler;
        this.previous = root.getHandlers();
        this.previousLevel = root.getLevel();
    }

    /** Replaces the root logger's handlers with {@code handler}; {@code rootLevel} filters before it. */
    public static JulBridge install(Handler handler, Level rootLevel) {
        JulBridge bridge = new JulBridge(handler);
        for (Handler h : bridge.previous) {
            bridge.root.removeHandler(h);
        }
        bridge.root.addHandler(handler);
        bridge.root.setLevel(rootLevel);
        return bridge;
    }

    /** Removes the handler and gives the root logger its previous handlers and level back. */
    public void restore() {
        root.removeHandler(handler);
        for (Handler h : previous) {
            root.addHandler(h);
        }
        root.setLevel(previousLevel);
    }
}
