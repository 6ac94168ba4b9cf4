package io.hallows.db.olap.impl.load;

import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Generates the eight TPC-H tables at a scale factor with Trino's Java port of dbgen, with the
 * specification's types: keys and integers BIGINT/INT, money and quantities DECIMAL(15,2), dates
 * DATE, text VARCHAR. The same generator feeds the DuckDB reference in the tests, so both hold the
 * same rows.
 */
public final class TpchLoader {
    private TpchLoader() {}

    /** The names of the tables, in generation order. */
    public static List<String> tableNames() {
        List<String> names = new ArrayList<>();
        for (TpchTable<?> t : TpchTable.getTables()) {
            names.add(t.getTableName());
        }
        return names;
    }

    /** The columns of TPC-H table {@code name}. */
    public static List<ColumnDef> columns(String name) {
        return columns(TpchTable.getTable(name));
    }

    /**
     * Generates table {@code name} at {@code scale}; {@code progress} is told the rows made so far
     * every chunk. The table's vectors live in {@code allocator}.
     */
    public static Table generate(String name, double scale, BufferAllocator allocator, LongConsumer progress) {
        return generate(TpchTable.getTable(name), scale, allocator, progress);
    }

    private static <E extends TpchEntity> Table generate(TpchTable<E> table, double scale, BufferAllocator allocator, LongConsumer progress) {
        List<TpchColumn<E>> cols = table.getColumns();
        List<ColumnDef> defs = columns(table);
        try (TableBuilder b = new TableBuilder(table.getTableName(), defs, allocator)) {
            long rows = 0;
            for (E row : table.createGenerator(scale, 1, 1)) {
                for (int c = 0; c < cols.size(); c++) {
                    TpchColumn<E> col = cols.get(c);
                    switch (defs.get(c).kind()) {
                        case BIGINT -> b.setLong(c, col.getIdentifier(row));
                        case INT -> b.setLong(c, col.getInteger(row));
                        case DATE -> b.setLong(c, col.getDate(row));
                        case DECIMAL -> b.setLong(c, Math.round(col.getDouble(row) * 100));
                        case DOUBLE -> b.setDouble(c, col.getDouble(row));
                        default -> b.setString(c, col.getString(row));
                    }
                }
                b.endRow();
                if (++rows % 131_072 == 0) {
                    progress.accept(rows);
                }
            }
            progress.accept(rows);
            return b.build();
        }
    }

    private static <E extends TpchEntity> List<ColumnDef> columns(TpchTable<E> table) {
        List<ColumnDef> defs = new ArrayList<>();
        for (TpchColumn<E> col : table.getColumns()) {
            defs.add(column(col.getColumnName().toLowerCase(Locale.ROOT), col.getType()));
        }
        return defs;
    }

    private static ColumnDef column(String name, TpchColumnType type) {
        return switch (type.getBase()) {
            case IDENTIFIER -> new ColumnDef(name, ColumnKind.BIGINT, 0, 0, false);
            case INTEGER -> new ColumnDef(name, ColumnKind.INT, 0, 0, false);
            case DATE -> new ColumnDef(name, ColumnKind.DATE, 0, 0, false);
            // Prices, discounts, taxes, quantities and balances: DECIMAL(15,2) in the specification.
            case DOUBLE -> new ColumnDef(name, ColumnKind.DECIMAL, 15, 2, false);
            case VARCHAR -> new ColumnDef(name, ColumnKind.VARCHAR, type.getPrecision().orElse(0L).intValue(), 0, false);
        };
    }
}
