package io.hallows.messaging.impl.shell;

import io.hallows.messaging.api.Message;
import io.hallows.messaging.impl.channel.RecordCodec;
import io.hallows.messaging.impl.group.GroupCoordinator;
import io.hallows.messaging.impl.group.GroupSummary;
import io.hallows.messaging.impl.log.LogException;
import io.hallows.messaging.impl.log.Logs;
import io.hallows.messaging.impl.log.PartitionState;
import io.hallows.messaging.impl.log.ReadResult;
import io.hallows.messaging.impl.log.TopicInfo;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.kafka.common.protocol.Errors;

/**
 * The operator's view of the log, in the Gogo scope {@code log}: topics, their partitions, their
 * last records, and the consumer groups with their lag. Bad input fails the command with an
 * IllegalArgumentException that says what is wrong.
 */
public final class MessagingCommands {
    static final int DEFAULT_TAIL = 10;
    static final int MAX_TAIL = 1000;
    private static final int CELL_WIDTH = 60;
    private static final int READ_BYTES = 1 << 20;
    private static final long TIMEOUT_SECONDS = 30;

    private final Logs logs;
    private final GroupCoordinator groups;

    public MessagingCommands(Logs logs, GroupCoordinator groups) {
        this.logs = logs;
        this.groups = groups;
    }

    @Descriptor("list the topics: partitions, records kept, bytes on disk, durability and retention")
    public String topics() {
        TextTable table = new TextTable("TOPIC", "PARTITIONS", "RECORDS", "BYTES", "FLUSH", "RETENTION.MS", "RETENTION.BYTES");
        for (TopicInfo topic : logs.topics()) {
            long records = 0;
            long bytes = 0;
            for (int p = 0; p < topic.partitions(); p++) {
                PartitionState state = logs.state(topic.name(), p).orElse(null);
                if (state != null) {
                    records += state.highWatermark() - state.logStartOffset();
                    bytes += state.bytes();
                }
            }
            Map<String, String> config = topic.config().toMap();
            table.add(topic.name(), topic.partitions(), records, bytes, config.get("flush"), config.get("retention.ms"), config.get("retention.bytes"));
        }
        return table.hasRows() ? table.toString() : "no topics (log:create <topic> [partitions] [name=value ...] makes one)\n";
    }

    @Descriptor("create a topic with one partition and the default settings")
    public String create(@Descriptor("topic name") String topic) {
        return create(topic, 1);
    }

    @Descriptor("create a topic with the default settings")
    public String create(@Descriptor("topic name") String topic, @Descriptor("number of partitions") int partitions) {
        return create(topic, partitions, new String[0]);
    }

    @Descriptor("create a topic")
    public String create(@Descriptor("topic name") String topic, @Descriptor("number of partitions") int partitions,
            @Descriptor("settings as name=value, e.g. flush=os retention.ms=60000 segment.bytes=1048576") String... options) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + option + "' is not name=value (e.g. flush=os retention.ms=60000)");
            }
            config.put(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
        }
        try {
            logs.createTopic(topic, partitions, config, false);
        } catch (LogException e) {
            if (e.error() == Errors.KAFKA_STORAGE_ERROR) {
                throw new IllegalStateException("topic '" + topic + "' could not be created: " + e.getMessage(), e);
            }
            throw new IllegalArgumentException("topic '" + topic + "' not created: " + e.getMessage(), e);
        }
        return "created topic '" + topic + "'\n" + describe(topic);
    }

    @Descriptor("show a topic: its settings and each partition's offsets, segments and size")
    public String describe(@Descriptor("topic name") String topic) {
        TopicInfo info = topic(topic);
        StringBuilder out = new StringBuilder();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("topic", info.name());
        fields.put("id", info.id().toString());
        fields.put("partitions", Integer.toString(info.partitions()));
        fields.putAll(info.config().toMap());
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((name, value) -> out.append(name).append(" ".repeat(width - name.length() + 2)).append(value).append('\n'));
        TextTable table = new TextTable("PARTITION", "START", "END", "RECORDS", "SEGMENTS", "BYTES");
        for (int p = 0; p < info.partitions(); p++) {
            PartitionState s = logs.state(topic, p).orElse(null);
            if (s == null) {
                table.add(p);
            } else {
                table.add(p, s.logStartOffset(), s.highWatermark(), s.highWatermark() - s.logStartOffset(), s.segments(), s.bytes());
            }
        }
        return out.append('\n').append(table).toString();
    }

    /**
     * {@code log:tail <topic> [n]}, or the Log Service's {@code log:tail [n] [level] [logger]}: the
     * broker takes the name {@code log:tail} over while it runs, so when the first word is a number,
     * or there is none, the command is handed on to {@code log:entries}, the same command's other name.
     */
    @Descriptor("show the last records of a topic (log:tail <topic> [n]), or the last log entries (log:tail [n] [level] [logger])")
    public Object tail(CommandSession session,
            @Descriptor("a topic and how many records per partition (default 10), or the log-entry forms of log:entries") String... words)
            throws Exception {
        if (isLogEntries(words)) {
            return logEntries(session, words);
        }
        if (words.length > 2) {
            throw new IllegalArgumentException("log:tail <topic> [n] takes a topic and a number, not " + words.length + " words");
        }
        return records(words[0], words.length == 1 ? DEFAULT_TAIL : count(words[1]));
    }

    /**
     * The last {@code n} records of each partition of a topic, oldest first. Not public: Gogo would
     * take {@code log:tail 5} for a topic named 5 if a public {@code tail(String)} existed.
     */
    String records(String topic, int n) throws InterruptedException {
        if (n < 1 || n > MAX_TAIL) {
            throw new IllegalArgumentException("the number of records must be from 1 to " + MAX_TAIL + " (was " + n + ")");
        }
        TopicInfo info = topic(topic);
        TextTable table = new TextTable("PARTITION", "OFFSET", "TIME", "KEY", "VALUE");
        for (int p = 0; p < info.partitions(); p++) {
            for (Message m : last(topic, p, n)) {
                table.add(p, m.offset(), m.timestamp() < 0 ? null : Instant.ofEpochMilli(m.timestamp()),
                        BytesText.of(m.key(), CELL_WIDTH), BytesText.of(m.value(), CELL_WIDTH));
            }
        }
        return table.hasRows() ? table.toString() : "topic '" + topic + "' has no records\n";
    }

    @Descriptor("list the consumer groups: state, protocol, members, and per partition the committed offset and the lag")
    public String groups() {
        StringBuilder out = new StringBuilder();
        for (GroupSummary g : groups.groups()) {
            out.append("group ").append(g.group()).append(": ").append(g.state())
                    .append(", protocol ").append(g.protocolType().isEmpty() ? "-" : g.protocolType())
                    .append(g.protocol().isEmpty() ? "" : "/" + g.protocol())
                    .append(", generation ").append(g.generation())
                    .append(", ").append(g.members().size()).append(g.members().size() == 1 ? " member\n" : " members\n");
            TextTable members = new TextTable("MEMBER", "CLIENT", "HOST", "ASSIGNMENT");
            g.members().forEach(m -> members.add(m.memberId(), m.clientId(), m.host(), m.assignment().isEmpty() ? null : String.join(",", m.assignment())));
            if (members.hasRows()) {
                out.append(members.render("  "));
            }
            TextTable offsets = new TextTable("TOPIC", "PARTITION", "COMMITTED", "END", "LAG");
            for (GroupSummary.Committed c : g.offsets()) {
                Long end = logs.state(c.topic(), c.partition()).map(PartitionState::highWatermark).orElse(null);
                offsets.add(c.topic(), c.partition(), c.offset(), end, end == null ? null : Math.max(0, end - c.offset()));
            }
            out.append(offsets.hasRows() ? offsets.render("  ") : "  no committed offsets\n");
        }
        return out.isEmpty() ? "no consumer groups\n" : out.toString();
    }

    private static int count(String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' is not a number of records (log:tail <topic> [n])");
        }
    }

    /** Whether {@code log:tail words} means the log entries: no words, or a number first. */
    static boolean isLogEntries(String... words) {
        return words.length == 0 || words[0].matches("-?\\d+");
    }

    /** {@code log:entries words}: the logging bundle's command, which needs no broker. */
    static Object logEntries(CommandSession session, String... words) throws Exception {
        return session.execute(String.join(" ", Stream.concat(Stream.of("log:entries"),
                Arrays.stream(words).map(MessagingCommands::quoted)).toList()));
    }

    /** A word as Gogo reads it back: quoted when it holds what Gogo would parse. */
    private static String quoted(String word) {
        if (word.matches("[A-Za-z0-9._:*-]+")) {
            return word;
        }
        return word.contains("'") ? '"' + word + '"' : "'" + word + "'";
    }

    private TopicInfo topic(String name) {
        return logs.topic(name).orElseThrow(() -> new IllegalArgumentException("there is no topic '" + name + "' (topics: "
                + (logs.topics().isEmpty() ? "none" : String.join(", ", logs.topics().stream().map(TopicInfo::name).toList())) + ")"));
    }

    /** The last {@code n} records of a partition below its high watermark, oldest first. */
    private ArrayDeque<Message> last(String topic, int partition, int n) throws InterruptedException {
        ArrayDeque<Message> kept = new ArrayDeque<>();
        PartitionState state = logs.state(topic, partition).orElse(null);
        if (state == null) {
            return kept;
        }
        long end = state.highWatermark();
        long position = Math.max(state.logStartOffset(), end - n);
        while (position < end) {
            ReadResult read = read(topic, partition, position);
            if (read.error() != Errors.NONE) {
                throw new IllegalStateException("reading " + topic + "-" + partition + " at offset " + position + " failed: " + read.error().message());
            }
            long next = RecordCodec.decode(topic, partition, read.records(), position, m -> {
                if (m.offset() < end) {
                    kept.add(m);
                    if (kept.size() > n) {
                        kept.poll();
                    }
                }
            });
            if (next <= position) {
                break; // nothing more below the high watermark we started from
            }
            position = next;
        }
        return kept;
    }

    private ReadResult read(String topic, int partition, long offset) throws InterruptedException {
        try {
            return logs.read(topic, partition, offset, READ_BYTES, true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reading " + topic + "-" + partition + " at offset " + offset + " failed: "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
    }
}
