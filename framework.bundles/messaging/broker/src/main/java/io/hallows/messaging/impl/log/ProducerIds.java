package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Producer ids that are never handed out twice, even across crashes: ids come in blocks, and the
 * end of the current block is written durably before any id of it is given. A restart starts at
 * the recorded end, skipping what was left of the block.
 */
final class ProducerIds {
    static final int BLOCK = 1000;
    /** The file's name in the topics folder. */
    static final String FILE = "producer-ids";

    private final Path file;
    private long next;
    private long blockEnd;

    private ProducerIds(Path file, long start) {
        this.file = file;
        this.next = start;
        this.blockEnd = start;
    }

    static ProducerIds open(Path file) throws IOException {
        long start = 0;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            try {
                start = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": '" + text + "' is not the next producer id block", e);
            }
        }
        return new ProducerIds(file, start);
    }

    synchronized long next() throws IOException {
        if (next == blockEnd) {
            DurableFiles.writeAtomically(file, Long.toString(blockEnd + BLOCK).getBytes(StandardCharsets.UTF_8));
            blockEnd += BLOCK;
        }
        return next++;
    }
}
