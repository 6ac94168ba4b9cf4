package io.hallows.messaging.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.kafka.common.Uuid;

/**
 * The cluster id Metadata reports, kept in the data area: Kafka's clients remember it, and a
 * broker whose id changes across restarts looks like another cluster to them.
 */
final class ClusterId {
    static final String FILE = "cluster.id";

    private ClusterId() {
    }

    /** The id in {@code directory/cluster.id}, made (and written durably) on the first start. */
    static String in(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!id.matches("[A-Za-z0-9_-]{22}")) {
                throw new IOException(file + " does not hold a cluster id (22 characters of base64): '" + id
                        + "'; remove the file to make a new one (Kafka clients will see a new cluster)");
            }
            return id;
        }
        String id = Uuid.randomUuid().toString();
        Path temporary = directory.resolve(FILE + ".tmp");
        Files.writeString(temporary, id + "\n", StandardCharsets.US_ASCII);
        try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return id;
    }
}
