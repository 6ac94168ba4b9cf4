package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.db.oltp.impl.store.WaitFor;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * {@code COPY t FROM STDIN} in PostgreSQL's text format: rows are inserted as whole lines arrive,
 * in the session's transaction. A write that would wait for another transaction fails the copy
 * with 40001 (the rows of a copy are not re-run).
 */
final class CopyIn implements io.hallows.sql.api.CopyIn {
    /** What the session does when the copy ends: commit or fail, and leave copy mode. */
    interface Ending {
        CompletableFuture<Result> finished(long rows);

        void failed(SqlException error);
    }

    private final Table table;
    private final int[] targets;
    private final char delimiter;
    private final String nullText;
    private final Executor executor;
    private final Function<Object[], Void> insert;
    private final Ending ending;
    private final ByteArray pending = new ByteArray();
    private long rows;
    private long line;
    private boolean over;
    private boolean ended;

    CopyIn(Table table, int[] targets, char delimiter, String nullText, Executor executor,
            Function<Object[], Void> insert, Ending ending) {
        this.table = table;
        this.targets = targets;
        this.delimiter = delimiter;
        this.nullText = nullText;
        this.executor = executor;
        this.insert = insert;
        this.ending = ending;
    }

    @Override
    public List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (int t : targets) {
            ColumnDef c = table.def().columns().get(t);
            out.add(new Column(c.name(), c.type(), -1));
        }
        return out;
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        return CompletableFuture.runAsync(() -> {
            if (over) {
                throw new SqlException("08P01", "COPY is over");
            }
            try {
                pending.append(bytes);
                int nl;
                while ((nl = pending.indexOf((byte) '\n')) >= 0) {
                    String text = pending.take(nl + 1);
                    line(text.substring(0, text.length() - 1));
                }
            } catch (RuntimeException e) {
                throw fail(e);
            }
        }, executor);
    }

    @Override
    public CompletableFuture<Result> finish() {
        return CompletableFuture.supplyAsync(() -> {
            if (over) {
                throw new SqlException("08P01", "COPY is over");
            }
            try {
                if (pending.size() > 0) {
                    line(pending.take(pending.size()));
                }
            } catch (RuntimeException e) {
                throw fail(e);
            }
            over = true;
            return rows;
        }, executor).thenCompose(ending::finished);
    }

    @Override
    public CompletableFuture<Void> fail(String reason) {
        return CompletableFuture.runAsync(() -> {
            if (!over) {
                fail(new SqlException("57014", "COPY from stdin failed: " + reason));
            }
        }, executor);
    }

    private SqlException fail(RuntimeException e) {
        over = true;
        SqlException error = e instanceof WaitFor
                ? new SqlException("40001", "could not serialize COPY with a concurrent write, line " + line)
                : e instanceof SqlException s
                        ? new SqlException(s.sqlState(), s.getMessage() + " (COPY " + table.def().name() + ", line " + line + ")")
                        : new SqlException("XX000", String.valueOf(e.getMessage()));
        ending.failed(error);
        return error;
    }

    private void line(String text) {
        line++;
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (ended || text.equals("\\.")) {
            // the end-of-data marker of the old protocol: what follows it is ignored, as PostgreSQL does
            ended = true;
            return;
        }
        List<ColumnDef> cols = table.def().columns();
        Object[] values = new Object[cols.size()];
        int field = 0;
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == delimiter) {
                if (field >= targets.length) {
                    throw new SqlException("22P04", "extra data after last expected column");
                }
                String raw = text.substring(from, i);
                ColumnDef c = cols.get(targets[field]);
                values[targets[field]] = raw.equals(nullText) ? null
                        : Values.coerce(unescape(raw), c.type(), c.length(), c.scale(), false);
                field++;
                from = i + 1;
            }
        }
        if (field < targets.length) {
            throw new SqlException("22P04", "missing data for column \"" + cols.get(targets[field]).name() + "\"");
        }
        insert.apply(Plan.conform(table, values));
        rows++;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> '\u000b';
                default -> n;
            });
        }
        return b.toString();
    }

    /** A growable byte buffer: lines may be split anywhere between chunks, even inside a UTF-8 character. */
    private static final class ByteArray {
        private byte[] data = new byte[8192];
        private int start;
        private int size;

        void append(byte[] b) {
            if (start > 0) {
                System.arraycopy(data, start, data, 0, size - start);
                size -= start;
                start = 0;
            }
            if (size + b.length > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, data, size, b.length);
            size += b.length;
        }

        /** The index, relative to the unread data, of the next {@code b}, or -1. */
        int indexOf(byte b) {
            for (int i = start; i < size; i++) {
                if (data[i] == b) {
                    return i - start;
                }
            }
            return -1;
        }

        String take(int n) {
            String s = new String(data, start, n, StandardCharsets.UTF_8);
            start += n;
            return s;
        }

        int size() {
            return size - start;
        }
    }
}
