package io.hallows.db.olap.impl.tpch;

import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The reference: an in-memory DuckDB holding copies of Hallows tables, row for row and with the same
 * SQL types (DECIMAL(p,s) stays DECIMAL(p,s), DATE stays DATE, BIGINT stays BIGINT), loaded through
 * DuckDB's appender straight from the tables' Arrow vectors.
 */
final class DuckDb implements AutoCloseable {
    private final DuckDBConnection connection;

    DuckDb() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        connection = c.unwrap(DuckDBConnection.class);
    }

    /** Creates {@code table} in DuckDB and appends every row of it. */
    void load(Table table) throws SQLException {
        List<String> defs = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            defs.add(c.name() + " " + sqlType(c) + (c.nullable() ? "" : " not null"));
        }
        execute("create table " + table.name() + " (" + String.join(", ", defs) + ")");
        try (DuckDBAppender appender = connection.createAppender(table.name())) {
            for (Chunk chunk : table.chunks()) {
                List<FieldVector> vectors = chunk.vectors().getFieldVectors();
                for (int row = 0; row < chunk.rowCount(); row++) {
                    appender.beginRow();
                    for (int c = 0; c < vectors.size(); c++) {
                        append(appender, table.columns().get(c), vectors.get(c), row);
                    }
                    appender.endRow();
                }
            }
        }
    }

    static String sqlType(ColumnDef c) {
        return switch (c.kind()) {
            case INT -> "integer";
            case BIGINT -> "bigint";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal(" + c.precision() + ", " + c.scale() + ")";
            case VARCHAR -> "varchar";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
        };
    }

    private static void append(DuckDBAppender a, ColumnDef def, FieldVector v, int row) throws SQLException {
        if (v.isNull(row)) {
            a.appendNull();
            return;
        }
        switch (def.kind()) {
            case INT -> a.append(((IntVector) v).get(row));
            case BIGINT -> a.append(((BigIntVector) v).get(row));
            case DECIMAL -> a.appendDecimal(((BigIntVector) v).get(row)); // unscaled, as DuckDB stores DECIMAL(p ≤ 18)
            case DOUBLE -> a.append(((Float8Vector) v).get(row));
            case VARCHAR -> a.append(new String(((VarCharVector) v).get(row), StandardCharsets.UTF_8));
            case DATE -> a.appendEpochDays(((DateDayVector) v).get(row));
            case BOOLEAN -> a.append(((BitVector) v).get(row) != 0);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** DuckDB's answer to {@code sql}. */
    Answer answer(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(normalise(rs.getObject(i)));
                }
                rows.add(row);
            }
            return new Answer(columns, rows);
        }
    }

    /** JDBC's value classes to {@link Answer}'s. */
    static Object normalise(Object v) {
        return switch (v) {
            case null -> null;
            case Byte b -> (long) b;
            case Short s -> (long) s;
            case Integer i -> (long) i;
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
            case Float f -> (double) f;
            case java.sql.Date d -> d.toLocalDate();
            case LocalDate d -> d;
            default -> v;
        };
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
