package io.hallows.db.olap.impl.store;

import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ChunkStats;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnStats;
import io.hallows.db.olap.impl.table.Schemas;
import io.hallows.db.olap.impl.table.Table;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * A table as an Arrow IPC file, {@code <table>.arrow}: one record batch per chunk, the columns in
 * the schema (DECIMAL's precision and scale in field metadata), the chunks' statistics in the
 * footer's metadata.
 *
 * <p>Writing goes to {@code <table>.arrow.tmp}, is forced to disk, and renamed over the old file
 * (then the folder is forced): a crash leaves the old table or the new one, never half of one.
 *
 * <p>Reading maps each record batch's body ({@link FileChannel#map}) and points the vectors' buffers
 * into the mapping: only the footer and the small per-batch metadata are read and parsed, no column
 * byte is copied. The one exception is Arrow's loader, which gives a column without nulls a fresh
 * validity buffer (one bit per row) from the allocator. Every vector is then validated (offsets
 * within their data), so a damaged file is refused at load instead of read out of bounds later.
 */
public final class TableFile {
    /** File name suffix of a table. */
    public static final String SUFFIX = ".arrow";
    static final String STATS_KEY = "hallows.stats";
    static final String TABLE_KEY = "hallows.table";

    private TableFile() {}

    /** The file of table {@code name} in {@code directory}. */
    public static Path of(Path directory, String name) {
        return directory.resolve(name + SUFFIX);
    }

    /**
     * Writes {@code table} durably as {@code <directory>/<name>.arrow}, replacing any old file.
     * {@code allocator} holds the writer's staging root (no column data is copied).
     */
    public static Path write(Table table, Path directory, BufferAllocator allocator) throws IOException {
        Path file = of(directory, table.name());
        Path tmp = directory.resolve(table.name() + SUFFIX + ".tmp");
        List<List<ColumnStats>> stats = new ArrayList<>();
        table.chunks().forEach(c -> stats.add(c.stats()));
        Map<String, String> footer = Map.of(TABLE_KEY, table.name(), STATS_KEY, StatsCodec.encode(stats));
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
                VectorSchemaRoot staging = VectorSchemaRoot.create(Schemas.of(table.columns()), allocator);
                ArrowFileWriter writer = new ArrowFileWriter(staging, null, out, footer)) {
            writer.start();
            VectorLoader loader = new VectorLoader(staging);
            for (Chunk chunk : table.chunks()) {
                try (ArrowRecordBatch batch = new VectorUnloader(chunk.vectors()).getRecordBatch()) {
                    loader.load(batch);
                    writer.writeBatch();
                }
            }
            writer.end();
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(directory);
        return file;
    }

    /** Forces a folder's entries (a rename, a deletion) to disk. */
    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /**
     * Opens the table in {@code file} by mapping it. The table owns its vectors: close each chunk's
     * root to let the mapping go.
     *
     * @throws IOException naming the file when it is not a readable table file
     */
    public static Table read(Path file, BufferAllocator allocator) throws IOException {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(SUFFIX)) {
            throw new IOException(file + ": not a table file (no " + SUFFIX + " suffix)");
        }
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        List<VectorSchemaRoot> roots = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            Schema schema = reader.getVectorSchemaRoot().getSchema();
            List<ColumnDef> columns = new ArrayList<>();
            for (Field f : schema.getFields()) {
                columns.add(Schemas.column(f));
            }
            long size = channel.size();
            for (ArrowBlock block : reader.getRecordBlocks()) {
                roots.add(mapBatch(channel, size, block, schema, allocator));
            }
            List<List<ColumnStats>> stats = stats(reader.getMetaData(), roots, columns);
            List<Chunk> chunks = new ArrayList<>(roots.size());
            for (int i = 0; i < roots.size(); i++) {
                chunks.add(new Chunk(roots.get(i), stats.get(i)));
            }
            return new Table(name, columns, chunks);
        } catch (IOException | RuntimeException e) {
            roots.forEach(VectorSchemaRoot::close);
            throw new IOException("table file " + file + " is damaged or not an Arrow table file: " + e.getMessage(), e);
        }
    }

    private static VectorSchemaRoot mapBatch(FileChannel channel, long size, ArrowBlock block, Schema schema,
            BufferAllocator allocator) throws IOException {
        long bodyStart = block.getOffset() + block.getMetadataLength();
        if (block.getOffset() < 0 || block.getMetadataLength() <= 0 || block.getBodyLength() < 0
                || bodyStart + block.getBodyLength() > size || block.getBodyLength() > Integer.MAX_VALUE) {
            throw new IOException("record batch at " + block.getOffset() + " lies outside the file");
        }
        channel.position(block.getOffset());
        MessageMetadataResult message = MessageSerializer.readMessage(new ReadChannel(channel));
        if (message == null || message.getMessage().headerType() != MessageHeader.RecordBatch) {
            throw new IOException("no record batch at " + block.getOffset());
        }
        MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_ONLY, bodyStart, block.getBodyLength());
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        // The batch's buffers are slices of the body holding their own references; deserializing
        // releases the body's first one, so the mapping lives exactly as long as the vectors.
        ArrowBuf body = MappedRegion.wrap(mapping, allocator);
        try (ArrowRecordBatch batch = MessageSerializer.deserializeRecordBatch(message, body)) {
            new VectorLoader(root).load(batch);
            ValueVectorUtility.validateFull(root);
            return root;
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** The footer's statistics, or (an older or foreign file) statistics computed from the columns. */
    private static List<List<ColumnStats>> stats(Map<String, String> footer, List<VectorSchemaRoot> roots, List<ColumnDef> columns)
            throws IOException {
        String text = footer == null ? null : footer.get(STATS_KEY);
        if (text != null) {
            List<List<ColumnStats>> stats = StatsCodec.decode(text);
            if (stats.size() == roots.size() && stats.stream().allMatch(s -> s.size() == columns.size())) {
                return stats;
            }
        }
        List<List<ColumnStats>> computed = new ArrayList<>();
        roots.forEach(r -> computed.add(ChunkStats.of(r, columns)));
        return computed;
    }
}
