package io.hallows.db.olap.impl.sql;

import io.hallows.db.olap.impl.load.CsvLoader;
import io.hallows.db.olap.impl.load.OltpImport;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlEngine;
import io.hallows.sql.api.SqlException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The statements that add rows to an existing table: {@code COPY t [(columns)] FROM {'<file>' | STDIN}
 * [WITH] (FORMAT csv, HEADER, DELIMITER '|', NULL '')} (also PostgreSQL's older
 * {@code WITH CSV HEADER DELIMITER '|'}) and {@code INSERT INTO t [(columns)] <query>}, whose query
 * (a SELECT or VALUES) the OLTP database runs. Either all rows are added or none.
 */
final class Loads {
    private Loads() {}

    static Result copy(OlapSession s, Words in) throws IOException {
        in.expect("copy");
        String table = Ddl.tableName(in);
        List<ColumnDef> columns = columns(s, table);
        List<Integer> targets = targets(in, columns);
        in.expect("from");
        if (in.accept("stdin")) {
            CsvLoader.Options options = options(in);
            in.end();
            return new Result("COPY", List.of(), List.of(), s.startCopy(new StdinCopy(s, table, columns, targets, options)), List.of());
        }
        Path file = s.engine.copyable(in.string());
        CsvLoader.Options options = options(in);
        in.end();
        long count;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                BufferAllocator allocator = s.engine.queryAllocator()) {
            Table rows = CsvLoader.load(table, columns, targets, reader, options, allocator, s::cancelled);
            count = rows.rowCount();
            try {
                s.engine.store.append(rows);
            } finally {
                rows.chunks().forEach(c -> c.vectors().close());
            }
        } catch (NoSuchFileException e) {
            throw new SqlException("58P01", "could not open file \"" + file + "\" for reading: No such file or directory");
        }
        return Result.command("COPY " + count);
    }

    static Result insert(OlapSession s, Words in) throws IOException {
        in.expect("insert");
        in.expect("into");
        String table = Ddl.tableName(in);
        List<ColumnDef> columns = columns(s, table);
        List<Integer> targets = targets(in, columns);
        String query = in.rest();
        String first = SqlText.firstWord(query);
        if (!first.equals("select") && !first.equals("with") && !first.equals("values")) {
            throw in.error("expected SELECT or VALUES");
        }
        SqlEngine oltp = s.engine.oltp == null ? null : s.engine.oltp.get();
        if (oltp == null) {
            throw new SqlException("55000", "the OLTP database (service db.oltp) is not available: INSERT … SELECT reads from it");
        }
        try (BufferAllocator allocator = s.engine.queryAllocator()) {
            Table rows = OltpImport.load(oltp, query, table, columns, targets, allocator, s::onCancel);
            long count = rows.rowCount();
            try {
                s.engine.store.append(rows);
            } finally {
                rows.chunks().forEach(c -> c.vectors().close());
            }
            return Result.command("INSERT 0 " + count);
        }
    }

    private static List<ColumnDef> columns(OlapSession s, String table) {
        return s.engine.store.columns(table)
                .orElseThrow(() -> new SqlException("42P01", "relation \"" + table + "\" does not exist"));
    }

    /** An optional column list; without one, every column in order. */
    private static List<Integer> targets(Words in, List<ColumnDef> columns) {
        List<Integer> targets = new ArrayList<>();
        if (in.acceptPunct("(")) {
            do {
                int at = in.position();
                String name = in.name();
                int index = -1;
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).name().equals(name)) {
                        index = c;
                    }
                }
                if (index < 0) {
                    throw new SqlException("42703", "column \"" + name + "\" does not exist", at);
                }
                targets.add(index);
            } while (in.acceptPunct(","));
            in.expectPunct(")");
        } else {
            for (int c = 0; c < columns.size(); c++) {
                targets.add(c);
            }
        }
        return targets;
    }

    private static CsvLoader.Options options(Words in) {
        char delimiter = ',';
        boolean header = false;
        String nullText = "";
        boolean csv = false;
        in.accept("with");
        boolean list = in.acceptPunct("(");
        while (!in.atEnd() && !in.peek().equals(")")) {
            String option = in.name();
            switch (option) {
                case "format" -> {
                    String format = in.name();
                    if (!format.equals("csv")) {
                        throw new SqlException("0A000", "COPY format \"" + format + "\" is not supported: use FORMAT csv");
                    }
                    csv = true;
                }
                case "csv" -> csv = true;
                case "header" -> header = list ? bool(in) : true;
                case "delimiter" -> {
                    String d = in.string();
                    if (d.length() != 1) {
                        throw new SqlException("22023", "COPY delimiter must be a single one-byte character");
                    }
                    delimiter = d.charAt(0);
                }
                case "null" -> nullText = in.string();
                default -> throw new SqlException("42601", "option \"" + option + "\" not recognized");
            }
            if (list) {
                in.acceptPunct(",");
            }
        }
        if (list) {
            in.expectPunct(")");
        }
        if (!csv) {
            throw new SqlException("0A000", "only COPY … (FORMAT csv) is supported by the OLAP database");
        }
        return new CsvLoader.Options(delimiter, header, nullText);
    }

    private static boolean bool(Words in) {
        if (in.atEnd() || in.peek().equals(",") || in.peek().equals(")")) {
            return true;
        }
        String v = in.peek().toLowerCase(Locale.ROOT);
        in.skip();
        return switch (v) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw new SqlException("22023", "HEADER requires a Boolean value, not \"" + v + "\"");
        };
    }
}
