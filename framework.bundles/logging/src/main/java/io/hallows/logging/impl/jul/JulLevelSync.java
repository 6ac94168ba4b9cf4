package io.hallows.logging.impl.jul;

import io.hallows.logging.impl.Levels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.log.LogLevel;

/**
 * Keeps java.util.logging's logger levels in step with the Log Service's configuration (PID
 * {@value #PID}: logger name to level, {@code ROOT} for the default), the same configuration
 * org.apache.felix.log applies to its LoggerAdmin.
 */
@Component(configurationPid = JulLevelSync.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {}, immediate = true)
public final class JulLevelSync {
    static final String PID = "org.osgi.service.log.admin";

    private final LogLevel defaultLevel;
    // Strong references: java.util.logging forgets the level of a logger it has garbage-collected.
    private final List<Logger> configured = new ArrayList<>();

    @Activate
    public JulLevelSync(BundleContext context, Map<String, Object> properties) {
        this(Levels.defaultLevel(context.getProperty(Levels.DEFAULT_LEVEL_PROPERTY)));
        apply(properties);
    }

    JulLevelSync(LogLevel defaultLevel) {
        this.defaultLevel = defaultLevel;
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    void deactivate() {
        apply(Map.of());
    }

    /** Sets the level of every logger named in {@code properties}, and unsets those no longer named. */
    synchronized void apply(Map<String, ?> properties) {
        for (Logger logger : configured) {
            logger.setLevel(null);
        }
        configured.clear();
        LogLevel root = defaultLevel;
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            Optional<LogLevel> level = e.getValue() instanceof String s ? Levels.parse(s) : Optional.empty();
            if (level.isEmpty()) {
                continue; // service.pid, component.name and the like
            }
            if (org.osgi.service.log.Logger.ROOT_LOGGER_NAME.equals(e.getKey())) {
                root = level.get();
            } else {
                Logger logger = Logger.getLogger(e.getKey());
                logger.setLevel(JulLevels.toJul(level.get()));
                configured.add(logger);
            }
        }
        Logger.getLogger("").setLevel(JulLevels.toJul(root));
    }
}
