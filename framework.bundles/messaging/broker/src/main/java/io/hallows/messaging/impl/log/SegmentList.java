package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The segments of one partition, oldest first; the last is the active one that appends go to.
 * Owned by the partition's task; {@link #count()} and {@link #bytes()} may be read from any thread.
 */
final class SegmentList implements AutoCloseable {
    private final Path dir;
    private final List<LogSegment> segments = new ArrayList<>();
    private volatile int count;
    private volatile long bytes;
    private long sealedBytes;

    private SegmentList(Path dir) {
        this.dir = dir;
    }

    /**
     * The segments in {@code dir} (created if missing), the last one recovered; one empty segment
     * at offset 0 if there is none.
     */
    static SegmentList open(Path dir, SegmentRecovery.Reporter reporter) throws IOException {
        Files.createDirectories(dir);
        List<Long> bases;
        try (Stream<Path> files = Files.list(dir)) {
            bases = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("\\d{20}\\.log"))
                    .map(name -> Long.parseLong(name.substring(0, 20)))
                    .sorted()
                    .toList();
        }
        SegmentList list = new SegmentList(dir);
        try {
            for (int i = 0; i < bases.size(); i++) {
                long next = i + 1 < bases.size() ? bases.get(i + 1) : -1;
                list.segments.add(LogSegment.open(dir, bases.get(i), next, reporter));
            }
            if (list.segments.isEmpty()) {
                list.segments.add(LogSegment.create(dir, 0));
                DurableFiles.forceDirectory(dir);
            }
        } catch (IOException | RuntimeException e) {
            list.close();
            throw e;
        }
        for (int i = 0; i < list.segments.size() - 1; i++) {
            list.sealedBytes += list.segments.get(i).size();
        }
        list.updateTotals();
        return list;
    }

    LogSegment active() {
        return segments.get(segments.size() - 1);
    }

    LogSegment first() {
        return segments.get(0);
    }

    List<LogSegment> all() {
        return segments;
    }

    /** The segment holding {@code offset}: the last whose base offset is at most it (the first if none is). */
    LogSegment floor(long offset) {
        int low = 0;
        int high = segments.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (segments.get(middle).baseOffset() <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return segments.get(low);
    }

    /** Seals the active segment (forcing it) and starts a new one at its next offset. */
    LogSegment roll() throws IOException {
        LogSegment sealed = active();
        sealed.seal();
        LogSegment next = LogSegment.create(dir, sealed.nextOffset());
        DurableFiles.forceDirectory(dir);
        segments.add(next);
        sealedBytes += sealed.size();
        updateTotals();
        return next;
    }

    /** Deletes the oldest segment (never the active one). */
    void deleteFirst() throws IOException {
        if (segments.size() < 2) {
            throw new IllegalStateException("the active segment of " + dir + " cannot be deleted");
        }
        LogSegment oldest = segments.remove(0);
        sealedBytes -= oldest.size();
        updateTotals();
        oldest.delete();
    }

    /** Called after an append: the totals follow the active segment's size. */
    void updateTotals() {
        count = segments.size();
        bytes = sealedBytes + active().size();
    }

    int count() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (LogSegment segment : segments) {
            try {
                segment.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
