package io.hallows.bench.olap;

import io.hallows.db.olap.impl.load.TpchLoader;
import io.hallows.db.olap.impl.table.ColumnDef;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DuckDB in process (JDBC, an in-memory database), its tables created with the types Hallows gives
 * them (DECIMAL(15,2), DATE, BIGINT keys) and filled by DuckDB's own CSV reader from the same files.
 */
final class DuckDbSide implements Side {
    private final Connection connection;

    DuckDbSide(TblFiles files) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        for (String table : TpchLoader.tableNames()) {
            List<String> defs = new ArrayList<>();
            for (ColumnDef c : TpchLoader.columns(table)) {
                defs.add(c.name() + " " + type(c) + " not null");
            }
            execute("create table " + table + " (" + String.join(", ", defs) + ")");
            // No quoting nor escaping in dbgen's text: every character between two '|' is data.
            execute("copy " + table + " from '" + files.file(table).toAbsolutePath().toString().replace("'", "''")
                    + "' (delimiter '|', header false, quote '', escape '', auto_detect false)");
        }
    }

    /** Whether {@link #checksums} sums a column: the integer-backed kinds. */
    static boolean summed(ColumnDef c) {
        return switch (c.kind()) {
            case INT, BIGINT, DATE, DECIMAL -> true;
            default -> false;
        };
    }

    /** Per table, its row count then the sum of each {@link #summed} column (DATE in days, DECIMAL unscaled). */
    Map<String, List<Long>> checksums() throws SQLException {
        Map<String, List<Long>> sums = new LinkedHashMap<>();
        for (String table : TpchLoader.tableNames()) {
            List<String> terms = new ArrayList<>(List.of("count(*)"));
            for (ColumnDef c : TpchLoader.columns(table)) {
                if (summed(c)) {
                    terms.add(switch (c.kind()) {
                        case DATE -> "sum(" + c.name() + " - date '1970-01-01')";
                        case DECIMAL -> "sum(" + c.name() + " * " + BigDecimal.TEN.pow(c.scale()) + ")::bigint";
                        default -> "sum(" + c.name() + ")";
                    });
                }
            }
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select " + String.join(", ", terms) + " from " + table)) {
                rs.next();
                List<Long> row = new ArrayList<>();
                for (int i = 1; i <= terms.size(); i++) {
                    row.add(rs.getLong(i));
                }
                sums.put(table, row);
            }
        }
        return sums;
    }

    private static String type(ColumnDef c) {
        return switch (c.kind()) {
            case INT -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL -> "decimal(" + c.precision() + ", " + c.scale() + ")";
            case DATE -> "date";
            case DOUBLE -> "double";
            case VARCHAR -> "varchar";
            case BOOLEAN -> "boolean";
        };
    }

    String version() throws SQLException {
        return connection.getMetaData().getDatabaseProductVersion();
    }

    @Override
    public String name() {
        return "DuckDB";
    }

    @Override
    public void threads(int n) throws SQLException {
        execute("set threads = " + n);
    }

    @Override
    public long run(String sql) throws SQLException {
        long rows = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    @Override
    public String explainAnalyze(String sql) throws SQLException, IOException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("explain (analyze, format json) " + sql)) {
            rs.next();
            return DuckDbPlan.render(rs.getString(2));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
