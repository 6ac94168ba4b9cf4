package io.hallows.db.oltp.impl.wal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A store of strings for the log's tests: commits append under its lock, snapshots copy under it. */
class FakeStore implements Recoverable {
    private final List<String> committed = new ArrayList<>();
    private final List<String> loaded = new ArrayList<>();
    private final List<String> redone = new ArrayList<>();
    private CommitLog log;

    /** Commits through {@code log} from now on. */
    FakeStore attach(CommitLog commitLog) {
        this.log = commitLog;
        return this;
    }

    /** Appends {@code value} and returns its LSN; the state changes with the append, as in the store. */
    synchronized long commit(String value) {
        long lsn = log.append(value.getBytes(StandardCharsets.UTF_8));
        committed.add(value);
        return lsn;
    }

    @Override
    public long snapshot(Consumer<byte[]> sink) {
        List<String> copy;
        long lsn;
        synchronized (this) {
            copy = new ArrayList<>(committed);
            lsn = log.position();
        }
        copy.forEach(value -> sink.accept(value.getBytes(StandardCharsets.UTF_8)));
        return lsn;
    }

    @Override
    public synchronized void loadSnapshotRecord(byte[] record) {
        String value = new String(record, StandardCharsets.UTF_8);
        loaded.add(value);
        committed.add(value);
    }

    @Override
    public synchronized void redo(byte[] record) {
        String value = new String(record, StandardCharsets.UTF_8);
        redone.add(value);
        committed.add(value);
    }

    /** Everything the store holds: recovered, then committed. */
    synchronized List<String> state() {
        return List.copyOf(committed);
    }

    synchronized List<String> loaded() {
        return List.copyOf(loaded);
    }

    synchronized List<String> redone() {
        return List.copyOf(redone);
    }
}
