package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.db.oltp.impl.store.IndexDef;
import io.hallows.db.oltp.impl.store.Store;
import io.hallows.db.oltp.impl.store.Table;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The part of PostgreSQL's {@code pg_catalog} that clients read (psql, the JDBC driver, pgbench),
 * computed from the store's catalog when read. OIDs of user tables are 16384 and up, by name.
 */
final class SystemTables {
    static final long PUBLIC_NS = 2200;
    static final long CATALOG_NS = 11;

    /** A read-only table whose rows are computed from the store. */
    static final class SystemTable extends AbstractTable {
        private final List<String> names;
        private final List<SqlType> types;
        private final BiFunction<Store, SystemTables, List<Object[]>> rows;
        private final SystemTables owner;

        SystemTable(SystemTables owner, String columns, BiFunction<Store, SystemTables, List<Object[]>> rows) {
            this.owner = owner;
            this.names = new ArrayList<>();
            this.types = new ArrayList<>();
            for (String c : columns.split(",")) {
                String[] p = c.trim().split(" ");
                names.add(p[0]);
                types.add(Types.columnDef(p[0], p[1], -1, -1, false).type());
            }
            this.rows = rows;
        }

        List<Object[]> rows(Store store) {
            return rows.apply(store, owner);
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataTypeFactory.Builder b = f.builder();
            for (int i = 0; i < names.size(); i++) {
                b.add(names.get(i), f.createTypeWithNullability(Types.calcite(f, types.get(i), -1, -1), true));
            }
            return b.build();
        }
    }

    private final Map<String, org.apache.calcite.schema.Table> tables = new HashMap<>();
    private final String database;
    private final Supplier<Map<String, String>> settings;

    SystemTables(String database, Supplier<Map<String, String>> settings) {
        this.database = database;
        this.settings = settings;
        add("pg_namespace", "oid int8, nspname text, nspowner int8", (s, o) -> List.of(
                new Object[] {CATALOG_NS, "pg_catalog", 10L}, new Object[] {PUBLIC_NS, "public", 10L},
                new Object[] {99L, "information_schema", 10L}));
        add("pg_class", "oid int8, relname text, relnamespace int8, relkind text, relowner int8, reltuples float8, "
                + "relhasindex bool, relpersistence text, relispartition bool, relam int8, reltablespace int8, "
                + "relchecks int2, relhasrules bool, relhastriggers bool, relrowsecurity bool, relforcerowsecurity bool, "
                + "reloptions text, reltoastrelid int8, relnatts int2", SystemTables::classes);
        add("pg_attribute", "attrelid int8, attname text, atttypid int8, attnum int2, atttypmod int4, attnotnull bool, "
                + "attisdropped bool, atthasdef bool, attidentity text, attgenerated text, attlen int2, attcollation int8",
                SystemTables::attributes);
        add("pg_type", "oid int8, typname text, typnamespace int8, typlen int2, typtype text, typbasetype int8, "
                + "typtypmod int4, typrelid int8, typelem int8, typarray int8, typnotnull bool, typcategory text, typdelim text",
                (s, o) -> types());
        add("pg_index", "indexrelid int8, indrelid int8, indnatts int2, indisunique bool, indisprimary bool, "
                + "indisclustered bool, indisvalid bool, indkey text", SystemTables::indexes);
        add("pg_database", "oid int8, datname text, datdba int8, encoding int4, datcollate text, datctype text, "
                + "datallowconn bool, datistemplate bool", (s, o) -> List.<Object[]>of(
                        new Object[] {16383L, o.database, 10L, 6, "C", "C", true, false}));
        add("pg_settings", "name text, setting text, unit text, category text, short_desc text, context text, "
                + "vartype text, source text", (s, o) -> o.settings.get().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new Object[] {e.getKey(), e.getValue(), null, "Hallows", e.getKey(), "user", "string", "default"})
                        .toList());
        // Joined by psql's \\dt and the JDBC driver's getTables (table descriptions): one row of each
        // kind psql looks up, no descriptions.
        add("pg_am", "oid int8, amname text, amhandler text, amtype text", (s, o) -> List.<Object[]>of(
                new Object[] {2L, "heap", "heap_tableam_handler", "t"}, new Object[] {403L, "btree", "bthandler", "i"}));
        add("pg_description", "objoid int8, classoid int8, objsubid int4, description text", (s, o) -> List.of());
        add("pg_tables", "schemaname text, tablename text, tableowner text, hasindexes bool", (s, o) -> sorted(s).stream()
                .map(t -> new Object[] {"public", t.def().name(), "hallows", !t.indexes().isEmpty()}).toList());
    }

    private void add(String name, String columns, BiFunction<Store, SystemTables, List<Object[]>> rows) {
        tables.put(name, new SystemTable(this, columns, rows));
    }

    Map<String, org.apache.calcite.schema.Table> tables() {
        return tables;
    }

    static List<Table> sorted(Store s) {
        List<Table> l = new ArrayList<>(s.tables());
        l.sort(Comparator.comparing(t -> t.def().name()));
        return l;
    }

    private static List<Object[]> classes(Store s, SystemTables o) {
        List<Object[]> rows = new ArrayList<>();
        long oid = 16384;
        for (Table t : sorted(s)) {
            long tableOid = oid++;
            rows.add(new Object[] {tableOid, t.def().name(), PUBLIC_NS, "r", 10L, (double) t.approximateRows(),
                    !t.indexes().isEmpty(), "p", false, 2L, 0L, (short) 0, false, false, false, false, null, 0L,
                    (short) t.def().columns().size()});
            for (IndexDef i : t.indexes()) {
                rows.add(new Object[] {oid++, i.name(), PUBLIC_NS, "i", 10L, (double) t.approximateRows(), false, "p",
                        false, 403L, 0L, (short) 0, false, false, false, false, null, 0L, (short) i.columns().size()});
            }
        }
        return rows;
    }

    private static List<Object[]> attributes(Store s, SystemTables o) {
        List<Object[]> rows = new ArrayList<>();
        long oid = 16384;
        for (Table t : sorted(s)) {
            long tableOid = oid++;
            short n = 1;
            for (ColumnDef c : t.def().columns()) {
                int typmod = switch (c.type()) {
                    case VARCHAR, BPCHAR -> c.length() + 4;
                    case NUMERIC -> c.length() > 0 ? ((c.length() << 16) | Math.max(c.scale(), 0)) + 4 : -1;
                    default -> -1;
                };
                rows.add(new Object[] {tableOid, c.name(), (long) c.type().oid(), n++, typmod, c.notNull(), false, false,
                        "", "", (short) -1, 0L});
            }
            oid += t.indexes().size();
        }
        return rows;
    }

    private static List<Object[]> indexes(Store s, SystemTables o) {
        List<Object[]> rows = new ArrayList<>();
        long oid = 16384;
        for (Table t : sorted(s)) {
            long tableOid = oid++;
            for (IndexDef i : t.indexes()) {
                boolean primary = i.name().equals(t.def().name() + "_pkey");
                StringBuilder key = new StringBuilder();
                for (int c : i.columns()) {
                    key.append(key.isEmpty() ? "" : " ").append(c + 1);
                }
                rows.add(new Object[] {oid++, tableOid, (short) i.columns().size(), i.unique(), primary, false, true, key.toString()});
            }
        }
        return rows;
    }

    private static List<Object[]> types() {
        List<Object[]> rows = new ArrayList<>();
        for (SqlType t : SqlType.values()) {
            String name = switch (t) {
                case BOOL -> "bool";
                case NUMERIC -> "numeric";
                case UNKNOWN -> "unknown";
                default -> t.name().toLowerCase(java.util.Locale.ROOT);
            };
            short len = switch (t) {
                case BOOL -> 1;
                case INT2 -> 2;
                case INT4, FLOAT4, DATE -> 4;
                case INT8, FLOAT8, TIMESTAMP, TIMESTAMPTZ, OID -> 8;
                case NAME -> 64;
                default -> -1;
            };
            rows.add(new Object[] {(long) t.oid(), name, CATALOG_NS, len, "b", 0L, -1, 0L, 0L, 0L, false, "U", ","});
        }
        return rows;
    }
}
