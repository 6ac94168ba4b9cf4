package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The topics' metadata in the topics folder: one {@code <id>.topic} file per topic (its name, its
 * Kafka id, its partition count, every setting), written atomically; named by the id because a
 * name of 249 characters, as Kafka allows, leaves no room for a suffix in a file name. The file is the topic's
 * commit point: a topic exists once its file does (its partition folders are made before), and is
 * gone once its file is removed (its folders are removed after); folders without a file are
 * leftovers of a crash, removed at open.
 */
final class TopicStore {
    static final String SUFFIX = ".topic";
    private static final String CONFIG = "config.";

    private TopicStore() {
    }

    static Path file(Path dir, TopicInfo topic) {
        return dir.resolve(topic.id() + SUFFIX);
    }

    /** The folder of one partition, named as Kafka names it. */
    static Path partitionDir(Path dir, String topic, int partition) {
        return dir.resolve(topic + "-" + partition);
    }

    static void write(Path dir, TopicInfo topic) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# a Hallows messaging topic; written by the broker, do not edit\n");
        text.append("name=").append(topic.name()).append('\n');
        text.append("id=").append(topic.id()).append('\n');
        text.append("partitions=").append(topic.partitions()).append('\n');
        for (Map.Entry<String, String> setting : topic.config().toMap().entrySet()) {
            text.append(CONFIG).append(setting.getKey()).append('=').append(setting.getValue()).append('\n');
        }
        DurableFiles.writeAtomically(file(dir, topic), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static TopicInfo read(Path file, TopicConfig defaults) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            properties.load(reader);
        }
        String name = properties.getProperty("name");
        String id = properties.getProperty("id");
        String partitions = properties.getProperty("partitions");
        if (name == null || id == null || partitions == null || !file.getFileName().toString().equals(id + SUFFIX)) {
            throw new IOException(file + ": not a topic's metadata (name, id and partitions are required, the id names the file)");
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(CONFIG)) {
                configs.put(key.substring(CONFIG.length()), properties.getProperty(key));
            }
        }
        try {
            return new TopicInfo(name, Uuid.fromString(id), Integer.parseInt(partitions), TopicConfig.parse(configs, defaults));
        } catch (LogException | IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
