package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.ColumnDef;
import io.hallows.db.oltp.impl.store.Store;
import io.hallows.sql.api.SqlType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The store's catalog as Calcite schemas: the root holds the user's tables (PostgreSQL's
 * {@code public}) and the system tables (as if {@code pg_catalog} were on the search path);
 * {@code public} and {@code pg_catalog} name them explicitly. PostgreSQL's type names
 * ({@code int4}, {@code text}…) are types of the schema, so casts such as {@code x::int4} resolve.
 */
final class CalciteCatalog {
    private CalciteCatalog() {
    }

    /** A user table of the store, by name: its row type is read from the store at each planning. */
    static final class StoreTable extends AbstractTable {
        final Store store;
        final String name;

        StoreTable(Store store, String name) {
            this.store = store;
            this.name = name;
        }

        io.hallows.db.oltp.impl.store.Table table() {
            return store.table(name).orElseThrow(
                    () -> new io.hallows.sql.api.SqlException("42P01", "relation \"" + name + "\" does not exist"));
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory f) {
            RelDataTypeFactory.Builder b = f.builder();
            for (ColumnDef c : table().def().columns()) {
                b.add(c.name(), Types.calcite(f, c));
            }
            return b.build();
        }
    }

    /** The root schema over {@code store}. */
    static Schema root(Store store, SystemTables system) {
        Schema user = new UserSchema(store, system, false);
        Schema pg = new UserSchema(store, system, true);
        return new AbstractSchema() {
            @Override
            protected Map<String, Table> getTableMap() {
                Map<String, Table> m = new HashMap<>(system.tables());
                for (var t : store.tables()) {
                    m.put(t.def().name(), new StoreTable(store, t.def().name()));
                }
                return m;
            }

            @Override
            protected Map<String, Schema> getSubSchemaMap() {
                return Map.of("public", user, "pg_catalog", pg);
            }

            @Override
            protected Map<String, RelProtoDataType> getTypeMap() {
                return TYPES;
            }
        };
    }

    private static final class UserSchema extends AbstractSchema {
        private final Store store;
        private final SystemTables system;
        private final boolean catalog;

        UserSchema(Store store, SystemTables system, boolean catalog) {
            this.store = store;
            this.system = system;
            this.catalog = catalog;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            if (catalog) {
                return system.tables();
            }
            Map<String, Table> m = new HashMap<>();
            for (var t : store.tables()) {
                m.put(t.def().name(), new StoreTable(store, t.def().name()));
            }
            return m;
        }

        @Override
        protected Map<String, RelProtoDataType> getTypeMap() {
            return TYPES;
        }
    }

    private static final Map<String, RelProtoDataType> TYPES = types();

    private static Map<String, RelProtoDataType> types() {
        Map<String, RelProtoDataType> m = new HashMap<>();
        for (String name : List.of("int4", "int8", "int2", "float8", "float4", "bool", "text", "bytea",
                "bpchar", "timestamptz", "name", "oid", "serial", "bigserial", "regclass", "regtype")) {
            SqlType t = switch (name) {
                case "regclass", "regtype" -> SqlType.OID;
                default -> Types.columnDef("x", name.equals("name") ? "text" : name.equals("oid") ? "int8" : name,
                        -1, -1, false).type();
            };
            m.put(name, f -> Types.calcite(f, t, -1, -1));
        }
        return Map.copyOf(m);
    }
}
