package io.hallows.db.oltp.impl.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checkpoint rows and recovery: writes the rows a snapshot sees in batches, and applies decoded
 * records (catalog changes, committed transactions, checkpoint rows) as committed versions.
 * Recovery runs alone, before any transaction.
 */
final class Recovery {
    private static final int BATCH_ROWS = 1024;
    private static final int BATCH_BYTES = 256 * 1024;

    private final Catalog catalog;
    private final MemoryMeter meter;
    private final List<Redo.Op> parts = new ArrayList<>();
    private long partsOf = -1;

    Recovery(Catalog catalog, MemoryMeter meter) {
        this.catalog = catalog;
        this.meter = meter;
    }

    static void writeRows(TableState.Layout l, MvccTxn reader, Consumer<byte[]> sink) {
        String table = l.def().name();
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        long bytes = 0;
        for (Chain c : l.primary().values()) {
            Version h = c.head();
            Version v = h == null ? null : h.visibleFrom(reader, reader.snapshot(), 0);
            if (v == null) {
                continue;
            }
            keys.add(c.key);
            rows.add(v.values);
            bytes += v.bytes;
            if (rows.size() >= BATCH_ROWS || bytes >= BATCH_BYTES) {
                sink.accept(Redo.encode(new Redo.Rows(table, keys, rows)));
                keys = new ArrayList<>();
                rows = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!rows.isEmpty()) {
            sink.accept(Redo.encode(new Redo.Rows(table, keys, rows)));
        }
    }

    /** Applies {@code r} with commit timestamp {@code ts}; returns the timestamp now last committed. */
    long apply(Redo r, long ts) {
        if (!(r instanceof Redo.Txn || r instanceof Redo.TxnPart)) {
            collect(-1);
        }
        switch (r) {
            case Redo.TxnPart p -> {
                collect(p.id());
                parts.addAll(p.ops());
            }
            case Redo.Txn t -> {
                collect(t.id());
                parts.forEach(op -> put(catalog.require(op.table()), op.key(), op.values(), ts));
                parts.clear();
                t.ops().forEach(op -> put(catalog.require(op.table()), op.key(), op.values(), ts));
            }
            case Redo.Rows rows -> {
                TableState t = catalog.require(rows.table());
                for (int i = 0; i < rows.rows().size(); i++) {
                    put(t, rows.keys().get(i), rows.rows().get(i), ts);
                }
            }
            case Redo.CreateTable c -> catalog.createTable(c.def(), false);
            case Redo.DropTable d -> {
                TableState t = catalog.require(d.name());
                catalog.dropTable(d.name(), false);
                catalog.released(t);
            }
            case Redo.CreateIndex i -> catalog.createIndex(i.def(), false);
            case Redo.AddPrimaryKey p -> catalog.addPrimaryKey(p.table(), p.columns());
            case Redo.AddColumn a -> catalog.addColumn(a.table(), a.column(), false);
            case Redo.DropColumn d -> catalog.dropColumn(d.table(), d.column(), false);
        }
        return ts;
    }

    /**
     * A transaction's parts are consecutive in the log: parts followed by anything but the rest
     * of their transaction ({@code id}) were cut off by a failed append, and are dropped.
     */
    private void collect(long id) {
        if (partsOf != id) {
            parts.clear();
            partsOf = id;
        }
    }

    /** Makes {@code values} (null: a deletion) the row at {@code key}, committed at {@code ts}. */
    private void put(TableState t, Object[] key, Object[] values, long ts) {
        TableState.Layout l = t.layout();
        t.sawRowId(key, l);
        Chain c = l.primary().computeIfAbsent(key, Chain::new);
        Version h = c.head();
        int bytes = MemoryMeter.estimate(values);
        meter.force(bytes);
        Version v = Version.committed(values, c, bytes, ts);
        c.push(h, v);
        c.trim(ts, meter);
        t.countRows(new Write(t, v, h).rowDelta());
        if (values != null) {
            for (SecondaryIndex s : l.secondaries()) {
                s.add(v);
            }
        }
    }
}
