package io.hallows.db.olap.impl.exec;

import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Schemas;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Between Arrow vectors (tables, results) and the engine's heap vectors. */
public final class Arrows {
    private Arrows() {}

    /**
     * The rows {@code sel[0..count)} of {@code v} (all rows {@code 0..count) when {@code sel} is
     * null), read straight from the Arrow buffers.
     */
    public static Vec read(FieldVector v, ColumnKind kind, int[] sel, int count) {
        boolean[] nulls = null;
        if (v.getNullCount() > 0) {
            nulls = new boolean[count];
            boolean any = false;
            for (int i = 0; i < count; i++) {
                boolean isNull = v.isNull(sel == null ? i : sel[i]);
                nulls[i] = isNull;
                any |= isNull;
            }
            nulls = any ? nulls : null;
        }
        ArrowBuf data = v.getDataBuffer();
        switch (kind) {
            case BIGINT, DECIMAL: {
                long[] out = new long[count];
                if (sel == null) {
                    // One bulk copy through a little-endian view instead of a checked read per value.
                    data.nioBuffer(0, count << 3).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
                    return new LongVec(out, nulls);
                }
                for (int i = 0; i < count; i++) {
                    out[i] = data.getLong((long) (sel == null ? i : sel[i]) << 3);
                }
                return new LongVec(out, nulls);
            }
            case INT, DATE: {
                long[] out = new long[count];
                if (sel == null) {
                    int[] ints = new int[count];
                    data.nioBuffer(0, count << 2).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(ints);
                    for (int i = 0; i < count; i++) {
                        out[i] = ints[i];
                    }
                    return new LongVec(out, nulls);
                }
                for (int i = 0; i < count; i++) {
                    out[i] = data.getInt((long) (sel == null ? i : sel[i]) << 2);
                }
                return new LongVec(out, nulls);
            }
            case BOOLEAN: {
                long[] out = new long[count];
                for (int i = 0; i < count; i++) {
                    out[i] = BitVectorHelper.get(data, sel == null ? i : sel[i]);
                }
                return new LongVec(out, nulls);
            }
            case DOUBLE: {
                double[] out = new double[count];
                if (sel == null) {
                    data.nioBuffer(0, count << 3).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
                    return new DoubleVec(out, nulls);
                }
                for (int i = 0; i < count; i++) {
                    out[i] = data.getDouble((long) (sel == null ? i : sel[i]) << 3);
                }
                return new DoubleVec(out, nulls);
            }
            default:
                return readStrings((VarCharVector) v, sel, count, nulls);
        }
    }

    private static StrVec readStrings(VarCharVector v, int[] sel, int count, boolean[] nulls) {
        ArrowBuf offsets = v.getOffsetBuffer();
        ArrowBuf data = v.getDataBuffer();
        int[] off = new int[count + 1];
        if (sel == null) {
            if (count == 0) {
                return new StrVec(new byte[0], off, nulls);
            }
            offsets.nioBuffer(0, (count + 1) << 2).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(off);
            int base = off[0];
            if (base != 0) {
                for (int i = 0; i <= count; i++) {
                    off[i] -= base;
                }
            }
            byte[] bytes = new byte[off[count]];
            data.getBytes(base, bytes, 0, bytes.length);
            return new StrVec(bytes, off, nulls);
        }
        long size = 0;
        for (int i = 0; i < count; i++) {
            int r = sel[i];
            size += offsets.getInt((long) (r + 1) << 2) - offsets.getInt((long) r << 2);
        }
        byte[] bytes = new byte[Math.toIntExact(size)];
        int p = 0;
        for (int i = 0; i < count; i++) {
            int r = sel[i];
            int s = offsets.getInt((long) r << 2);
            int len = offsets.getInt((long) (r + 1) << 2) - s;
            data.getBytes(s, bytes, p, len);
            p += len;
            off[i + 1] = p;
        }
        return new StrVec(bytes, off, nulls);
    }

    /** Rows {@code from..from+count) of {@code b} as an Arrow batch in {@code allocator}. */
    public static VectorSchemaRoot write(Batch b, int from, int count, List<ColumnDef> columns, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.of(columns), allocator);
        try {
            for (int c = 0; c < columns.size(); c++) {
                write(b.col(c), from, count, columns.get(c).kind(), root.getVector(c));
            }
            root.setRowCount(count);
            return root;
        } catch (RuntimeException | Error e) {
            root.close();
            throw e;
        }
    }

    private static void write(Vec v, int from, int count, ColumnKind kind, FieldVector out) {
        switch (kind) {
            case BIGINT, DECIMAL -> {
                BigIntVector o = (BigIntVector) out;
                o.allocateNew(count);
                long[] a = ((LongVec) v).v;
                for (int i = 0; i < count; i++) {
                    o.set(i, a[from + i]);
                }
            }
            case INT -> {
                IntVector o = (IntVector) out;
                o.allocateNew(count);
                long[] a = ((LongVec) v).v;
                for (int i = 0; i < count; i++) {
                    o.set(i, (int) a[from + i]);
                }
            }
            case DATE -> {
                DateDayVector o = (DateDayVector) out;
                o.allocateNew(count);
                long[] a = ((LongVec) v).v;
                for (int i = 0; i < count; i++) {
                    o.set(i, (int) a[from + i]);
                }
            }
            case BOOLEAN -> {
                BitVector o = (BitVector) out;
                o.allocateNew(count);
                long[] a = ((LongVec) v).v;
                for (int i = 0; i < count; i++) {
                    o.set(i, (int) a[from + i]);
                }
            }
            case DOUBLE -> {
                Float8Vector o = (Float8Vector) out;
                o.allocateNew(count);
                double[] a = ((DoubleVec) v).v;
                for (int i = 0; i < count; i++) {
                    o.set(i, a[from + i]);
                }
            }
            default -> {
                VarCharVector o = (VarCharVector) out;
                StrVec s = (StrVec) v;
                o.allocateNew(Math.max(1, s.off[from + count] - s.off[from]), count);
                for (int i = 0; i < count; i++) {
                    int r = from + i;
                    if (!s.isNull(r)) {
                        o.set(i, s.data, s.off[r], s.off[r + 1] - s.off[r]);
                    }
                }
            }
        }
        for (int i = 0; i < count; i++) {
            if (v.isNull(from + i)) {
                out.setNull(i);
            }
        }
        out.setValueCount(count);
    }
}
