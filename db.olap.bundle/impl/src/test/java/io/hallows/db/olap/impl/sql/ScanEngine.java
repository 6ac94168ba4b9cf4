package io.hallows.db.olap.impl.sql;

import io.hallows.db.olap.impl.engine.QueryContext;
import io.hallows.db.olap.impl.engine.QueryEngine;
import io.hallows.db.olap.impl.engine.QueryResult;
import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.sql.api.SqlException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A test double of the vectorized engine: answers only {@code SELECT * FROM <table>} by handing out
 * the table's chunks, and explains with one line. Enough to test what lies around the engine
 * (sessions, loading, conversion to rows), nothing of the engine itself.
 */
final class ScanEngine implements QueryEngine {
    private static final Pattern SCAN = Pattern.compile("select \\* from (\\w+)(?: limit 0)?");
    volatile QueryContext lastContext;

    @Override
    public QueryResult execute(String sql, Catalog catalog, QueryContext context) {
        lastContext = context;
        Matcher m = SCAN.matcher(sql.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new SqlException("0A000", "the test engine only scans: " + sql);
        }
        Table t = catalog.table(m.group(1)).orElseThrow(() -> new SqlException("42P01", "relation \"" + m.group(1) + "\" does not exist"));
        Iterator<Chunk> chunks = t.chunks().iterator();
        return new QueryResult() {
            @Override
            public List<ColumnDef> columns() {
                return t.columns();
            }

            @Override
            public VectorSchemaRoot next() {
                if (context.cancelled().getAsBoolean()) {
                    throw new SqlException("57014", "canceling statement due to user request");
                }
                return chunks.hasNext() ? chunks.next().vectors() : null;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public String explain(String sql, Catalog catalog, QueryContext context, boolean analyze) {
        return "Scan" + (analyze ? " (rows=?)" : "") + "\n  " + sql.strip();
    }
}
