package io.hallows.db.olap.impl.sql;

import io.hallows.db.olap.impl.load.CsvLoader;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.CopyIn;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code COPY t FROM STDIN (FORMAT csv …)} (psql's {@code \copy}): the client's data is gathered in
 * the heap, up to {@value #MAX_BYTES} bytes, and loaded as one CSV file when the client ends it, so
 * that a bad row still loads nothing. Chunks arrive one at a time (the wire server waits for each).
 */
final class StdinCopy implements CopyIn {
    static final int MAX_BYTES = 256 << 20;

    private final OlapSession session;
    private final String table;
    private final List<ColumnDef> columns;
    private final List<Integer> targets;
    private final CsvLoader.Options options;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    StdinCopy(OlapSession session, String table, List<ColumnDef> columns, List<Integer> targets, CsvLoader.Options options) {
        this.session = session;
        this.table = table;
        this.columns = columns;
        this.targets = targets;
        this.options = options;
    }

    @Override
    public List<Column> columns() {
        List<ColumnDef> filled = new ArrayList<>();
        targets.forEach(t -> filled.add(columns.get(t)));
        return Rows.columns(filled);
    }

    @Override
    public synchronized CompletableFuture<Void> write(ByteBuffer chunk) {
        if (data.size() + (long) chunk.remaining() > MAX_BYTES) {
            data.reset();
            session.copyOver();
            return CompletableFuture.failedFuture(new SqlException("54000", "COPY FROM STDIN of more than " + (MAX_BYTES >> 20)
                    + " MiB: copy the file from the server's disk instead (COPY … FROM '<file>')"));
        }
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        data.write(bytes, 0, bytes.length);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Result> finish() {
        byte[] bytes;
        synchronized (this) {
            bytes = data.toByteArray();
            data.reset();
        }
        return session.onExecutor(() -> {
            session.copyOver();
            try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
                    BufferAllocator allocator = session.engine.queryAllocator()) {
                Table rows = CsvLoader.load(table, columns, targets, reader, options, allocator, session::cancelled);
                long count = rows.rowCount();
                try {
                    session.engine.store.append(rows);
                } finally {
                    rows.chunks().forEach(c -> c.vectors().close());
                }
                return Result.command("COPY " + count);
            } catch (java.io.IOException e) {
                throw OlapEngine.sqlError(e);
            }
        });
    }

    @Override
    public synchronized CompletableFuture<Void> fail(String reason) {
        data.reset();
        session.copyOver();
        return CompletableFuture.completedFuture(null);
    }
}
