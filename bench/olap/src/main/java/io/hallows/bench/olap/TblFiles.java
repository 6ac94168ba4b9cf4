package io.hallows.bench.olap;

import io.hallows.db.olap.impl.load.TpchLoader;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The TPC-H data of one scale factor as dbgen's {@code .tbl} text files ({@code |} between fields,
 * without dbgen's trailing {@code |}), written once by Trino's generator and read by both sides:
 * DuckDB copies them, Hallows parses them into its tables. A file is written under a temporary name
 * and renamed when complete, so an interrupted run never leaves a short file behind.
 */
final class TblFiles {
    private final Path dir;

    TblFiles(Path dir) {
        this.dir = dir;
    }

    Path file(String table) {
        return dir.resolve(table + ".tbl");
    }

    /** Writes the files that are not there yet; returns how many were written. */
    int ensure(double scale) throws IOException {
        Files.createDirectories(dir);
        int written = 0;
        for (TpchTable<?> t : TpchTable.getTables()) {
            if (!Files.exists(file(t.getTableName()))) {
                write(t, scale);
                written++;
            }
        }
        return written;
    }

    private <E extends TpchEntity> void write(TpchTable<E> table, double scale) throws IOException {
        Path target = file(table.getTableName());
        Path partial = dir.resolve(table.getTableName() + ".tbl.partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (E row : table.createGenerator(scale, 1, 1)) {
                String line = row.toLine();
                out.write(line, 0, line.length() - 1); // dbgen ends every line with a '|'
                out.newLine();
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Table {@code name} read from its file into Hallows vectors, with {@link TpchLoader}'s types. */
    Table load(String name, BufferAllocator allocator) throws IOException {
        List<ColumnDef> columns = TpchLoader.columns(name);
        try (TableBuilder b = new TableBuilder(name, columns, allocator);
                BufferedReader in = Files.newBufferedReader(file(name), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int start = 0;
                for (int c = 0; c < columns.size(); c++) {
                    int end = c == columns.size() - 1 ? line.length() : line.indexOf('|', start);
                    set(b, columns.get(c), c, line, start, end);
                    start = end + 1;
                }
                b.endRow();
            }
            return b.build();
        }
    }

    /** Field {@code line[start, end)} into column {@code c}; numbers and dates parsed in place (6M lines at SF 1). */
    private static void set(TableBuilder b, ColumnDef def, int c, String line, int start, int end) {
        switch (def.kind()) {
            case INT, BIGINT -> b.setLong(c, Long.parseLong(line, start, end, 10));
            case DECIMAL -> b.setLong(c, unscaled(line, start, end, def.scale()));
            case DATE -> b.setLong(c, LocalDate.of(Integer.parseInt(line, start, start + 4, 10),
                    Integer.parseInt(line, start + 5, start + 7, 10), Integer.parseInt(line, start + 8, end, 10)).toEpochDay());
            case DOUBLE -> b.setDouble(c, Double.parseDouble(line.substring(start, end)));
            case VARCHAR -> b.setString(c, line.substring(start, end));
            case BOOLEAN -> b.setBoolean(c, Boolean.parseBoolean(line.substring(start, end)));
        }
    }

    /** A decimal such as {@code -12.3} at {@code scale} 2 as its unscaled value, -1230. */
    static long unscaled(String s, int start, int end, int scale) {
        int dot = s.indexOf('.', start);
        if (dot < 0 || dot >= end) {
            return Math.multiplyExact(Long.parseLong(s, start, end, 10), pow10(scale));
        }
        int digits = end - dot - 1;
        if (digits > scale) {
            return new BigDecimal(s.substring(start, end)).movePointRight(scale).longValueExact(); // rounding is not ours to choose
        }
        boolean negative = s.charAt(start) == '-';
        long whole = Long.parseLong(s, start, dot, 10);
        long fraction = digits == 0 ? 0 : Long.parseLong(s, dot + 1, end, 10) * pow10(scale - digits);
        return Math.addExact(Math.multiplyExact(whole, pow10(scale)), negative ? -fraction : fraction);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
