package io.hallows.db.olap.impl.store;

import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.sql.api.SqlException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The tables of the OLAP database: one Arrow IPC file each in its folder ({@link TableFile}),
 * mapped at open. Changes (create, replace, drop) write the file first and then swap the table in,
 * so queries see either the old table or the new one; a query's {@link #snapshot()} keeps the
 * tables it started with alive until it closes. A file that cannot be read leaves that table
 * offline (listed with its error), the others serve. Thread-safe; changes are serialized.
 */
public final class TableStore implements AutoCloseable {
    private final Path directory;
    private final BufferAllocator allocator;
    private final Map<String, StoredTable> tables = new ConcurrentHashMap<>();
    private final Map<String, String> offline = new ConcurrentHashMap<>();

    private TableStore(Path directory, BufferAllocator allocator) {
        this.directory = directory;
        this.allocator = allocator;
    }

    /**
     * Opens every {@code *.arrow} file of {@code directory}; {@code problems} is told of each file
     * that cannot be read (that table stays offline). Left-over temporary files of an interrupted
     * write are deleted.
     */
    public static TableStore open(Path directory, BufferAllocator allocator, Consumer<String> problems) throws IOException {
        TableStore store = new TableStore(directory, allocator);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TableFile.SUFFIX + ".tmp")) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(TableFile.SUFFIX)) {
                    String table = name.substring(0, name.length() - TableFile.SUFFIX.length());
                    try {
                        store.tables.put(table, new StoredTable(TableFile.read(file, allocator), Files.size(file)));
                    } catch (IOException e) {
                        store.offline.put(table, e.getMessage());
                        problems.accept(e.getMessage());
                    }
                }
            }
        }
        return store;
    }

    /** The folder of the table files. */
    public Path directory() {
        return directory;
    }

    /**
     * The tables now, for one query: they stay open until the snapshot is closed, whatever changes
     * meanwhile.
     */
    public Snapshot snapshot() {
        Map<String, StoredTable> held = new TreeMap<>();
        for (String name : tables.keySet()) {
            StoredTable t = acquire(name);
            if (t != null) {
                held.put(name, t);
            }
        }
        return new Snapshot(held);
    }

    private StoredTable acquire(String name) {
        while (true) {
            StoredTable t = tables.get(name);
            if (t == null || t.acquire()) {
                return t;
            }
        }
    }

    /** The definition of table {@code name}, if it is online. */
    public Optional<List<ColumnDef>> columns(String name) {
        StoredTable t = tables.get(name);
        return t == null ? Optional.empty() : Optional.of(t.table.columns());
    }

    /** Creates an empty table. @throws SqlException 42P07 when it exists */
    public synchronized void create(String name, List<ColumnDef> columns, boolean ifNotExists) throws IOException {
        if (tables.containsKey(name) || offline.containsKey(name)) {
            if (ifNotExists) {
                return;
            }
            throw new SqlException("42P07", "relation \"" + name + "\" already exists");
        }
        put(new Table(name, columns, List.of()));
    }

    /**
     * Writes {@code table} as its file and swaps it in, replacing any table of that name. The caller
     * keeps ownership of {@code table}'s vectors (the store maps what it wrote).
     */
    public synchronized void put(Table table) throws IOException {
        Path file = TableFile.write(table, directory, allocator);
        StoredTable fresh = new StoredTable(TableFile.read(file, allocator), Files.size(file));
        StoredTable old = tables.put(table.name(), fresh);
        offline.remove(table.name());
        if (old != null) {
            old.release();
        }
    }

    /**
     * Adds the rows of {@code rows} (a table of the same name and columns) after the table's own,
     * as new chunks: the file is rewritten with both and swapped in. The caller keeps ownership of
     * {@code rows}' vectors.
     *
     * @throws SqlException 42P01 when the table does not exist
     */
    public synchronized void append(Table rows) throws IOException {
        StoredTable current = tables.get(rows.name());
        if (current == null) {
            throw new SqlException("42P01", "relation \"" + rows.name() + "\" does not exist");
        }
        List<io.hallows.db.olap.impl.table.Chunk> chunks = new ArrayList<>(current.table.chunks());
        chunks.addAll(rows.chunks());
        // current stays acquired by the store until put() releases it, after the new file is mapped
        put(new Table(rows.name(), current.table.columns(), chunks));
    }

    /** Drops a table and deletes its file. @return false when there was none */
    public synchronized boolean drop(String name) throws IOException {
        boolean known = tables.containsKey(name) || offline.containsKey(name);
        Files.deleteIfExists(TableFile.of(directory, name));
        TableFile.forceDirectory(directory);
        offline.remove(name);
        StoredTable old = tables.remove(name);
        if (old != null) {
            old.release();
        }
        return known;
    }

    /** What {@code olap:tables} lists, by name. */
    public List<TableInfo> info() {
        List<TableInfo> out = new ArrayList<>();
        try (Snapshot s = snapshot()) {
            for (StoredTable t : s.held.values()) {
                out.add(new TableInfo(t.table.name(), t.table.rowCount(), t.table.chunks().size(), t.fileBytes, null));
            }
        }
        offline.forEach((name, problem) -> out.add(new TableInfo(name, 0, 0, 0, problem)));
        out.sort(java.util.Comparator.comparing(TableInfo::name));
        return out;
    }

    /** Closes every table (queries must be over). */
    @Override
    public synchronized void close() {
        tables.values().forEach(StoredTable::release);
        tables.clear();
    }

    /**
     * One table's summary.
     *
     * @param bytes the size of its file
     * @param problem why it is offline, or null when it serves
     */
    public record TableInfo(String name, long rows, int chunks, long bytes, String problem) {}

    /** The tables one query sees; closing it lets replaced tables go. Not thread-safe to close twice. */
    public static final class Snapshot implements Catalog, AutoCloseable {
        private final Map<String, StoredTable> held;
        private boolean closed;

        private Snapshot(Map<String, StoredTable> held) {
            this.held = held;
        }

        @Override
        public Optional<Table> table(String name) {
            StoredTable t = held.get(name);
            return t == null ? Optional.empty() : Optional.of(t.table);
        }

        @Override
        public Collection<Table> tables() {
            return held.values().stream().map(t -> t.table).toList();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                held.values().forEach(StoredTable::release);
            }
        }
    }
}
