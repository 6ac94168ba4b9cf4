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
                    set(b, columns.get(c), c, line.substring(start, end));
                    start = end + 1;
                }
                b.endRow();
            }
            return b.build();
        }
    }

    private static void set(TableBuilder b, ColumnDef def, int c, String text) {
        switch (def.kind()) {
            case INT, BIGINT -> b.setLong(c, Long.parseLong(text));
            case DECIMAL -> b.setLong(c, new BigDecimal(text).movePointRight(def.scale()).longValueExact());
            case DATE -> b.setLong(c, LocalDate.parse(text).toEpochDay());
            case DOUBLE -> b.setDouble(c, Double.parseDouble(text));
            case VARCHAR -> b.setString(c, text);
            case BOOLEAN -> b.setBoolean(c, Boolean.parseBoolean(text));
        }
    }
}
