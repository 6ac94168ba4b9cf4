package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.protocol.Errors;
import org.osgi.service.log.Logger;

/**
 * The topics folder's layout rules: what a topic may be called (Kafka's rules), and what is left
 * over after a crash in the middle of a creation or deletion and must go at open.
 */
final class TopicFolders {
    /** The suffix of a partition folder being deleted (renamed aside so that the name can be reused at once). */
    static final String DELETING = "-delete";
    /** The most partitions a topic may have (each holds open files and memory). */
    static final int MAX_PARTITIONS = 10_000;
    private static final Pattern PARTITION_DIR = Pattern.compile("(.+)-(\\d+)");
    private static final Pattern SEGMENT_FILE = Pattern.compile("\\d{20}\\.(log|index|timeindex)");

    private TopicFolders() {
    }

    /**
     * A new topic's description, if its name, partition count and settings are acceptable.
     *
     * @throws LogException INVALID_TOPIC_EXCEPTION (Kafka's message for the name), TOPIC_ALREADY_EXISTS,
     *         INVALID_PARTITIONS, INVALID_CONFIG
     */
    static TopicInfo validate(String name, int partitions, Map<String, String> configs, TopicConfig defaults, Set<String> existing)
            throws LogException {
        try {
            Topic.validate(name);
        } catch (InvalidTopicException e) {
            throw new LogException(Errors.INVALID_TOPIC_EXCEPTION, e.getMessage());
        }
        if (existing.contains(name)) {
            throw new LogException(Errors.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
        }
        for (String other : existing) {
            if (Topic.hasCollision(name, other)) {
                throw new LogException(Errors.INVALID_TOPIC_EXCEPTION, "Topic '" + name + "' collides with existing topic: " + other
                        + " (names that differ only in '.' and '_' collide in metric names)");
            }
        }
        if (partitions < 1) {
            throw new LogException(Errors.INVALID_PARTITIONS, "Number of partitions must be larger than 0 (was " + partitions + ")");
        }
        if (partitions > MAX_PARTITIONS) {
            // Each partition holds open files and memory: a hostile count must not exhaust them.
            throw new LogException(Errors.INVALID_PARTITIONS, "Number of partitions must be at most " + MAX_PARTITIONS + " (was "
                    + partitions + ")");
        }
        TopicConfig config = TopicConfig.parse(configs == null ? Map.of() : configs, defaults);
        Uuid id = Uuid.randomUuid();
        return new TopicInfo(name, id, partitions, config);
    }

    /**
     * Reads the topics in {@code directory} after removing what a crash left: temporary files,
     * partition folders set aside for deletion, and partition folders of no topic (a creation that
     * did not reach its metadata file, or a deletion that removed it).
     */
    static List<TopicInfo> clean(Path directory, TopicConfig defaults, Logger log) throws IOException {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(directory)) {
            entries = listing.sorted().toList();
        }
        Map<String, TopicInfo> topics = new HashMap<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if ((name.endsWith(TopicStore.SUFFIX + DurableFiles.TEMPORARY) || name.equals(ProducerIds.FILE + DurableFiles.TEMPORARY))
                    && Files.isRegularFile(entry)) {
                Files.delete(entry);
            } else if (name.endsWith(TopicStore.SUFFIX) && Files.isRegularFile(entry)) {
                TopicInfo info = TopicStore.read(entry, defaults);
                if (topics.put(info.name(), info) != null) {
                    throw new IOException(directory + ": two metadata files for topic '" + info.name() + "'");
                }
            }
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry)) {
                continue;
            }
            Matcher matcher = PARTITION_DIR.matcher(name);
            boolean deleted = name.endsWith(DELETING);
            if (!deleted && !(matcher.matches() && !belongs(topics.get(matcher.group(1)), matcher.group(2)))) {
                continue;
            }
            if (!onlySegmentFiles(entry)) {
                log.warn("messaging: {} looks like a partition's folder but holds other files and belongs to no topic: left alone", entry);
            } else if (deleted) {
                log.info("messaging: removing {}, a deleted partition's folder", entry);
                DurableFiles.deleteRecursively(entry);
            } else {
                log.warn("messaging: removing {}, the folder of a partition no topic has (a creation or deletion was interrupted)", entry);
                DurableFiles.deleteRecursively(entry);
            }
        }
        return new ArrayList<>(topics.values());
    }

    /** Whether a folder holds nothing but what a partition writes (so removing it can only remove a partition). */
    private static boolean onlySegmentFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.allMatch(file -> Files.isRegularFile(file) && SEGMENT_FILE.matcher(file.getFileName().toString()).matches());
        }
    }

    private static boolean belongs(TopicInfo topic, String partition) {
        if (topic == null || partition.length() > 9) {
            return false;
        }
        return Integer.parseInt(partition) < topic.partitions();
    }

    /** Renames a partition folder aside (to be deleted), or returns it as it is if it cannot be renamed. */
    static Path setAside(Path partitionDir, Logger log) {
        Path aside = partitionDir.resolveSibling(Uuid.randomUuid() + DELETING);
        try {
            Files.move(partitionDir, aside);
            DurableFiles.forceDirectory(partitionDir.getParent());
            return aside;
        } catch (IOException e) {
            log.warn("messaging: could not rename {} for deletion ({}); deleting it in place", partitionDir, e.toString());
            return partitionDir;
        }
    }

    /** Deletes a folder, logging rather than failing (what is left is removed at the next open). */
    static void removeQuietly(Path dir, Logger log) {
        try {
            DurableFiles.deleteRecursively(dir);
        } catch (IOException e) {
            log.warn("messaging: could not remove {} ({}); it is removed at the next start", dir, e.toString());
        }
    }
}
