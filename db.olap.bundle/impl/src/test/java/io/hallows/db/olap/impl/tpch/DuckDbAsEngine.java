package io.hallows.db.olap.impl.tpch;

import io.hallows.db.olap.impl.engine.QueryContext;
import io.hallows.db.olap.impl.engine.QueryEngine;
import io.hallows.db.olap.impl.engine.QueryResult;
import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A test double of the engine, for checking the harness itself: it answers from DuckDB and hands
 * the rows back as Arrow batches the way {@link QueryResult} does, so that {@link HarnessTest} can
 * run every query through the same reading and comparing code as the real engine.
 */
final class DuckDbAsEngine implements QueryEngine {
    private final DuckDb duckDb;

    DuckDbAsEngine(DuckDb duckDb) {
        this.duckDb = duckDb;
    }

    @Override
    public QueryResult execute(String sql, Catalog catalog, QueryContext context) {
        Answer answer;
        try {
            answer = duckDb.answer(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<ColumnDef> defs = new ArrayList<>();
        for (int c = 0; c < answer.columns().size(); c++) {
            defs.add(column(answer.columns().get(c), answer.rows(), c));
        }
        try (TableBuilder b = new TableBuilder("result", defs, context.allocator())) {
            for (List<Object> row : answer.rows()) {
                for (int c = 0; c < defs.size(); c++) {
                    set(b, defs.get(c), c, row.get(c));
                }
                b.endRow();
            }
            return result(b.build());
        }
    }

    /** The column a value class calls for; DECIMAL keeps the largest scale seen. */
    private static ColumnDef column(String name, List<List<Object>> rows, int c) {
        ColumnKind kind = ColumnKind.BIGINT;
        int scale = 0;
        for (List<Object> row : rows) {
            Object v = row.get(c);
            if (v == null) {
                continue;
            }
            kind = switch (v) {
                case BigDecimal d -> {
                    scale = Math.max(scale, d.scale());
                    yield ColumnKind.DECIMAL;
                }
                case Double d -> ColumnKind.DOUBLE;
                case String s -> ColumnKind.VARCHAR;
                case LocalDate d -> ColumnKind.DATE;
                case Boolean b -> ColumnKind.BOOLEAN;
                default -> ColumnKind.BIGINT;
            };
        }
        return new ColumnDef(name, kind, kind == ColumnKind.DECIMAL ? 18 : 0, scale, true);
    }

    private static void set(TableBuilder b, ColumnDef def, int c, Object v) {
        switch (v) {
            case null -> b.setNull(c);
            case BigDecimal d -> b.setLong(c, d.setScale(def.scale()).unscaledValue().longValueExact());
            case Double d -> b.setDouble(c, d);
            case String s -> b.setString(c, s);
            case LocalDate d -> b.setLong(c, d.toEpochDay());
            case Boolean x -> b.setBoolean(c, x);
            case Long l -> b.setLong(c, l);
            default -> throw new IllegalArgumentException("unexpected " + v.getClass());
        }
    }

    private static QueryResult result(Table table) {
        Iterator<Chunk> chunks = table.chunks().iterator();
        return new QueryResult() {
            @Override
            public List<ColumnDef> columns() {
                return table.columns();
            }

            @Override
            public VectorSchemaRoot next() {
                return chunks.hasNext() ? chunks.next().vectors() : null;
            }

            @Override
            public void close() {
                table.chunks().forEach(ch -> ch.vectors().close());
            }
        };
    }

    @Override
    public String explain(String sql, Catalog catalog, QueryContext context, boolean analyze) {
        throw new UnsupportedOperationException("a test double");
    }
}
