package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's log and checkpoint records: a format version byte, a kind byte, then the kind's
 * fields. A transaction's record lists its writes in order (a put is a whole row at a key, a
 * delete a key); a big transaction is cut into parts of about {@link #PART_BYTES}, all but the
 * last of kind {@link #TXN_PART}, which recovery applies only once the last one is read (the
 * transaction id ties them). A checkpoint is the catalog's records followed by batches of rows.
 */
sealed interface Redo {
    int FORMAT = 1;
    int TXN = 1, CREATE_TABLE = 2, DROP_TABLE = 3, CREATE_INDEX = 4, ADD_PRIMARY_KEY = 5, ROWS = 6, TXN_PART = 7,
            ADD_COLUMN = 8, DROP_COLUMN = 9;
    int PART_BYTES = 1 << 20;

    /** A put ({@code values} non-null) or a delete of the row at {@code key}. */
    record Op(String table, Object[] key, Object[] values) {
    }

    /** A transaction's writes, or the last part of them. */
    record Txn(long id, List<Op> ops) implements Redo {
    }

    /** A part of a big transaction's writes, not the last. */
    record TxnPart(long id, List<Op> ops) implements Redo {
    }

    record CreateTable(TableDef def) implements Redo {
    }

    record DropTable(String name) implements Redo {
    }

    record CreateIndex(IndexDef def) implements Redo {
    }

    record AddPrimaryKey(String table, List<Integer> columns) implements Redo {
    }

    /** ALTER TABLE … ADD COLUMN: the column appended, NULL in every row. */
    record AddColumn(String table, ColumnDef column) implements Redo {
    }

    /** ALTER TABLE … DROP COLUMN. */
    record DropColumn(String table, String column) implements Redo {
    }

    /** Rows of a checkpoint: puts at committed state. */
    record Rows(String table, List<Object[]> keys, List<Object[]> rows) implements Redo {
    }

    /** The records of transaction {@code id}'s writes: one, or parts when they are big. */
    static List<byte[]> txn(long id, List<Write> writes) {
        List<byte[]> records = new ArrayList<>(1);
        RecordOut out = header(TXN, 64 * writes.size()).varLong(id);
        for (int i = 0; i < writes.size(); i++) {
            Version v = writes.get(i).version();
            out.string(writes.get(i).table().name()).values(v.chain.key);
            if (v.values == null) {
                out.write(0);
            } else {
                out.write(1).values(v.values);
            }
            if (out.size() >= PART_BYTES && i < writes.size() - 1) {
                byte[] part = out.toByteArray();
                part[1] = TXN_PART;
                records.add(part);
                out = header(TXN, PART_BYTES).varLong(id);
            }
        }
        records.add(out.toByteArray());
        return records;
    }

    static byte[] encode(Redo r) {
        return switch (r) {
            case Txn t -> throw new IllegalArgumentException("transactions are encoded from their writes");
            case TxnPart t -> throw new IllegalArgumentException("transactions are encoded from their writes");
            case CreateTable c -> {
                RecordOut out = header(CREATE_TABLE, 128).string(c.def().name()).varLong(c.def().columns().size());
                for (ColumnDef col : c.def().columns()) {
                    column(out, col);
                }
                yield ints(out, c.def().primaryKey()).toByteArray();
            }
            case DropTable d -> header(DROP_TABLE, 32).string(d.name()).toByteArray();
            case CreateIndex i -> ints(header(CREATE_INDEX, 64).string(i.def().name()).string(i.def().table()),
                    i.def().columns()).write(i.def().unique() ? 1 : 0).toByteArray();
            case AddPrimaryKey p -> ints(header(ADD_PRIMARY_KEY, 32).string(p.table()), p.columns()).toByteArray();
            case AddColumn a -> column(header(ADD_COLUMN, 64).string(a.table()), a.column()).toByteArray();
            case DropColumn d -> header(DROP_COLUMN, 64).string(d.table()).string(d.column()).toByteArray();
            case Rows rows -> {
                RecordOut out = header(ROWS, 1024).string(rows.table()).varLong(rows.rows().size());
                for (int i = 0; i < rows.rows().size(); i++) {
                    out.values(rows.keys().get(i)).values(rows.rows().get(i));
                }
                yield out.toByteArray();
            }
        };
    }

    static Redo decode(byte[] record) {
        RecordIn in = new RecordIn(record);
        int format = in.read();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown record format " + format + " (this store reads " + FORMAT + ")");
        }
        int kind = in.read();
        Redo r = switch (kind) {
            case TXN -> new Txn(in.varLong(), ops(in));
            case TXN_PART -> new TxnPart(in.varLong(), ops(in));
            case CREATE_TABLE -> {
                String name = in.string();
                int n = in.count();
                List<ColumnDef> cols = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    cols.add(column(in));
                }
                yield new CreateTable(new TableDef(name, cols, ints(in)));
            }
            case DROP_TABLE -> new DropTable(in.string());
            case CREATE_INDEX -> new CreateIndex(new IndexDef(in.string(), in.string(), ints(in), in.read() != 0));
            case ADD_PRIMARY_KEY -> new AddPrimaryKey(in.string(), ints(in));
            case ADD_COLUMN -> new AddColumn(in.string(), column(in));
            case DROP_COLUMN -> new DropColumn(in.string(), in.string());
            case ROWS -> {
                String table = in.string();
                int n = in.count();
                List<Object[]> keys = new ArrayList<>(n);
                List<Object[]> rows = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    keys.add(in.values());
                    rows.add(in.values());
                }
                yield new Rows(table, keys, rows);
            }
            default -> throw new IllegalArgumentException("unknown record kind " + kind);
        };
        if (!in.atEnd()) {
            throw new IllegalArgumentException("trailing bytes after a record of kind " + kind);
        }
        return r;
    }

    private static RecordOut column(RecordOut out, ColumnDef col) {
        return out.string(col.name()).string(col.type().name()).signed(col.length()).signed(col.scale()).write(col.notNull() ? 1 : 0);
    }

    private static ColumnDef column(RecordIn in) {
        return new ColumnDef(in.string(), SqlType.valueOf(in.string()), (int) in.signed(), (int) in.signed(), in.read() != 0);
    }

    private static List<Op> ops(RecordIn in) {
        List<Op> ops = new ArrayList<>();
        while (!in.atEnd()) {
            String table = in.string();
            Object[] key = in.values();
            ops.add(new Op(table, key, in.read() == 0 ? null : in.values()));
        }
        return ops;
    }

    private static RecordOut header(int kind, int capacity) {
        return new RecordOut(capacity).write(FORMAT).write(kind);
    }

    private static RecordOut ints(RecordOut out, List<Integer> ints) {
        out.varLong(ints.size());
        ints.forEach(out::varLong);
        return out;
    }

    private static List<Integer> ints(RecordIn in) {
        int n = in.count();
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add((int) in.varLong());
        }
        return l;
    }
}
