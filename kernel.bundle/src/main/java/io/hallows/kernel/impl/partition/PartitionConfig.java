package io.hallows.kernel.impl.partition;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.RestartPolicy;
import io.hallows.kernel.impl.ConfigValues;
import io.hallows.kernel.impl.Glob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/**
 * A partition's validated configuration (factory PID {@code io.hallows.partition}). Fields:
 * <pre>
 * name                  required, [a-z][a-z0-9-]*
 * cpus                  required cpu list of online cpus: "0-1", "1"
 * exclusive             boolean, default true: no other exclusive partition may share a cpu
 * scheduler             service filter choosing the scheduler, default (hallows.scheduler=fifo)
 * scheduler.&lt;option&gt;    an option for the scheduler policy, e.g. scheduler.frameRate = 60
 * workers               worker threads of its scheduler, 1 to 256, default: the number of its cpus
 * watchdog              longest a task may stay runnable before its scheduler is aborted, default 5s
 * restart.maxRestarts   restarts allowed in the window, default 3, 0 to 1000000
 * restart.window        "60s", "500ms", "2m", "1h" or milliseconds, default 60s
 * restart.backoff       first restart delay, default 500ms, doubling per restart
 * restart.maxBackoff    longest restart delay, default 30s
 * bundles               symbolic name patterns of the bundles it supervises: ["io.hallows.db.*"]
 * locations             location patterns admitting bundles installed after the stack: ["parseltongue:*"];
 *                       without them only the stack's own bundles join (see Membership)
 * grants                capabilities given to those bundles: ["service:greeter CALL"]
 * </pre>
 * Every duration is at most {@link #MAX_DURATION} (7 days, "168h") and every count at most
 * {@link #MAX_COUNT}: a larger value, however many digits it has, is rejected naming the field and
 * the bound, never overflowing into an internal error or a wrapped value.
 */
public record PartitionConfig(String name, CpuSet cpus, boolean exclusive, String scheduler,
        Map<String, String> schedulerOptions, int workers, Duration watchdog, RestartPolicy restart, List<Glob> bundles,
        List<Grant> grants, List<Glob> locations) {

    static final String DEFAULT_SCHEDULER = "(hallows.scheduler=fifo)";
    private static final String SCHEDULER_OPTION = "scheduler.";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    /** The longest duration any field accepts; a week is beyond any sensible watchdog, window or backoff. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);
    /** The largest count any field accepts. */
    public static final long MAX_COUNT = 1_000_000;

    /**
     * Validates one configuration on its own; checks against other partitions are the manager's.
     *
     * @param online the cpus online on this machine
     * @throws ConfigRejection naming the field and the reason
     */
    public static PartitionConfig parse(Map<String, ?> props, CpuSet online) throws ConfigRejection {
        return parse(props, online, CpuSet.empty());
    }

    /**
     * As {@link #parse(Map, CpuSet)}, also rejecting cpus outside {@code allowed}, the cpus this
     * process may run on (a cgroup cpuset); an empty {@code allowed} means unknown: not checked.
     */
    public static PartitionConfig parse(Map<String, ?> props, CpuSet online, CpuSet allowed) throws ConfigRejection {
        Object rawName = props.get("name");
        String name = rawName == null ? "?" : rawName.toString().trim();
        if (rawName == null || name.isEmpty()) {
            throw new ConfigRejection(name, "name", "is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new ConfigRejection(name, "name", "must be lower case letters, digits and '-', starting with a letter");
        }
        CpuSet cpus;
        try {
            cpus = CpuSet.parse(string(props.get("cpus")));
        } catch (IllegalArgumentException e) {
            throw new ConfigRejection(name, "cpus", e.getMessage());
        }
        if (!online.containsAll(cpus)) {
            CpuSet missing = online.missing(cpus);
            throw new ConfigRejection(name, "cpus", "cpu " + missing + (missing.size() > 1 ? " are" : " is")
                    + " not online (online: " + online + ")");
        }
        if (!allowed.isEmpty() && !allowed.containsAll(cpus)) {
            CpuSet missing = allowed.missing(cpus);
            throw new ConfigRejection(name, "cpus", "cpu " + missing + (missing.size() > 1 ? " are" : " is")
                    + " online but not allowed for this process (its cpuset or affinity: " + allowed + ")");
        }
        String scheduler = props.get("scheduler") == null ? DEFAULT_SCHEDULER : string(props.get("scheduler")).trim();
        try {
            FrameworkUtil.createFilter(scheduler);
        } catch (InvalidSyntaxException e) {
            throw new ConfigRejection(name, "scheduler", "'" + scheduler + "' is not a valid service filter: " + e.getMessage());
        }
        Map<String, String> options = new TreeMap<>();
        props.forEach((key, value) -> {
            if (key.startsWith(SCHEDULER_OPTION) && key.length() > SCHEDULER_OPTION.length()) {
                options.put(key.substring(SCHEDULER_OPTION.length()), string(value).trim());
            }
        });
        int workers = count(name, props, "workers", cpus.size());
        if (workers < 1 || workers > 256) {
            throw new ConfigRejection(name, "workers", "must be between 1 and 256 (was " + workers + ")");
        }
        Duration watchdog = duration(name, props, "watchdog", Duration.ofSeconds(5));
        if (watchdog.toMillis() < 10) {
            throw new ConfigRejection(name, "watchdog", "must be at least 10ms (was " + watchdog.toMillis() + "ms)");
        }
        RestartPolicy restart = new RestartPolicy(
                count(name, props, "restart.maxRestarts", 3),
                duration(name, props, "restart.window", Duration.ofSeconds(60)),
                duration(name, props, "restart.backoff", Duration.ofMillis(500)),
                duration(name, props, "restart.maxBackoff", Duration.ofSeconds(30)));
        if (restart.window().isZero()) {
            throw new ConfigRejection(name, "restart.window", "must be positive");
        }
        if (restart.maxBackoff().compareTo(restart.backoff()) < 0) {
            throw new ConfigRejection(name, "restart.maxBackoff", "must be at least restart.backoff (" + restart.backoff().toMillis() + "ms)");
        }
        List<Glob> bundles = ConfigValues.strings(props.get("bundles")).stream().map(Glob::of).toList();
        List<Grant> grants = new ArrayList<>();
        for (String text : ConfigValues.strings(props.get("grants"))) {
            try {
                grants.add(Grant.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ConfigRejection(name, "grants", e.getMessage());
            }
        }
        Object exclusive = props.get("exclusive");
        if (exclusive != null && !exclusive.toString().trim().matches("(?i)true|false")) {
            throw new ConfigRejection(name, "exclusive", "'" + exclusive + "' is not true or false");
        }
        return new PartitionConfig(name, cpus, exclusive == null || Boolean.parseBoolean(exclusive.toString().trim()), scheduler,
                Map.copyOf(options), workers, watchdog, restart, bundles, List.copyOf(grants),
                ConfigValues.strings(props.get("locations")).stream().map(Glob::of).toList());
    }

    public boolean supervises(String symbolicName) {
        return bundles.stream().anyMatch(g -> g.matches(symbolicName));
    }

    /** Whether a bundle installed from {@code location} after the stack may join (its name must match too). */
    public boolean admitsLocation(String location) {
        return locations.stream().anyMatch(g -> g.matches(location));
    }

    private static int count(String partition, Map<String, ?> props, String key, int otherwise) throws ConfigRejection {
        Object value = props.get(key);
        if (value == null) {
            return otherwise;
        }
        String text = numberText(value);
        if (!text.matches("-?\\d+")) {
            throw new ConfigRejection(partition, key, "'" + value + "' is not a whole number");
        }
        if (text.startsWith("-")) {
            throw new ConfigRejection(partition, key, "must not be negative (was " + text + ")");
        }
        // Compared as digits, so that a number of any length is refused by its size, not by overflow.
        String digits = text.replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 7 || Long.parseLong(digits) > MAX_COUNT) {
            throw new ConfigRejection(partition, key, "must be at most " + MAX_COUNT + " (was " + abbreviate(digits) + ")");
        }
        return Integer.parseInt(digits);
    }

    private static Duration duration(String partition, Map<String, ?> props, String key, Duration otherwise) throws ConfigRejection {
        Object value = props.get(key);
        if (value == null) {
            return otherwise;
        }
        String text = numberText(value);
        if (text.startsWith("-")) {
            throw new ConfigRejection(partition, key, "must not be negative (was " + text + ")");
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ConfigRejection(partition, key, "'" + text + "' is not a duration (expected e.g. 500ms, 10s, 2m)");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        Duration unitLength = switch (unit) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofMillis(1);
        };
        // Bounded before multiplying: 20 digits, or 9999999999999999h, must not overflow on the way.
        String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
        long limit = MAX_DURATION.dividedBy(unitLength);
        if (digits.length() > 18 || Long.parseLong(digits) > limit) {
            throw new ConfigRejection(partition, key, "must be at most " + MAX_DURATION.toHours() + "h (" + limit + unit
                    + ") (was " + abbreviate(digits) + unit + ")");
        }
        return unitLength.multipliedBy(Long.parseLong(digits));
    }

    /** A value as text; a number in whole units as its digits (a typed JSON value arrives as a Long, Integer or Double). */
    private static String numberText(Object value) {
        if (value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) {
            return value instanceof java.math.BigDecimal big ? big.toPlainString() : value.toString(); // longValue() would wrap
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            boolean whole = n instanceof Double || n instanceof Float ? d == Math.rint(d) && Math.abs(d) < 1e18 : true;
            return whole ? Long.toString(n.longValue()) : n.toString();
        }
        return value.toString().trim();
    }

    /** A number as the operator wrote it, shortened if it is absurdly long. */
    private static String abbreviate(String digits) {
        return digits.length() <= 24 ? digits : digits.substring(0, 12) + "…(" + digits.length() + " digits)";
    }

    private static String string(Object value) {
        if (value instanceof String[] array) {
            return String.join(",", array);
        }
        return value == null ? null : value.toString();
    }
}
