package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The tables and index names. Every change runs under the store's commit lock, is applied at
 * once and returns its redo record and how to undo it (when the log refuses the record).
 */
final class Catalog {
    /** A change made: its record, and how to take it back. */
    record Change(Redo record, Runnable undo) {
    }

    private final ConcurrentHashMap<String, TableState> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> indexTables = new ConcurrentHashMap<>();
    private final MemoryMeter meter;

    Catalog(MemoryMeter meter) {
        this.meter = meter;
    }

    Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    TableState require(String name) {
        TableState t = tables.get(name);
        if (t == null) {
            throw new SqlException("42P01", "relation \"" + name + "\" does not exist");
        }
        return t;
    }

    /** Fails (40001) when {@code t} is no longer the catalog's table of its name: dropped meanwhile. */
    void checkCurrent(TableState t) {
        if (tables.get(t.name()) != t) {
            throw new SqlException("40001", "relation \"" + t.name() + "\" was dropped by a concurrent transaction");
        }
    }

    Collection<TableState> all() {
        return tables.values();
    }

    Change createTable(TableDef def, boolean ifNotExists) {
        if (tables.containsKey(def.name())) {
            if (ifNotExists) {
                return null;
            }
            throw new SqlException("42P07", "relation \"" + def.name() + "\" already exists");
        }
        checkColumns(def, def.primaryKey());
        String pkey = def.primaryKey().isEmpty() ? null : TableState.primaryIndexDef(def).name();
        if (pkey != null && indexTables.putIfAbsent(pkey, def.name()) != null) {
            throw new SqlException("42P07", "relation \"" + pkey + "\" already exists");
        }
        tables.put(def.name(), new TableState(def));
        return new Change(new Redo.CreateTable(def), () -> {
            tables.remove(def.name());
            if (pkey != null) {
                indexTables.remove(pkey);
            }
        });
    }

    Change dropTable(String name, boolean ifExists) {
        TableState t = tables.get(name);
        if (t == null) {
            if (ifExists) {
                return null;
            }
            throw new SqlException("42P01", "table \"" + name + "\" does not exist");
        }
        tables.remove(name);
        List<String> names = new ArrayList<>();
        indexTables.entrySet().removeIf(e -> e.getValue().equals(name) && names.add(e.getKey()));
        return new Change(new Redo.DropTable(name), () -> {
            tables.put(name, t);
            names.forEach(n -> indexTables.put(n, name));
        });
    }

    /** Releases the memory of a dropped table's versions (after its drop is logged). */
    void released(TableState t) {
        long bytes = 0;
        long count = 0;
        for (Chain c : t.layout().primary().values()) {
            for (Version v = c.head(); v != null; v = v.next) {
                bytes += v.bytes;
                count++;
            }
        }
        meter.release(bytes, count);
    }

    Change createIndex(IndexDef def, boolean ifNotExists) {
        TableState t = require(def.table());
        if (indexTables.containsKey(def.name())) {
            if (ifNotExists) {
                return null;
            }
            throw new SqlException("42P07", "relation \"" + def.name() + "\" already exists");
        }
        checkColumns(t.def(), def.columns());
        SecondaryIndex s = new SecondaryIndex(def);
        t.addSecondary(s);
        Indexing.fill(s, t.layout().primary());
        String duplicate = def.unique() ? Indexing.firstDuplicate(s) : null;
        if (duplicate != null) {
            t.removeSecondary(s);
            throw new SqlException("23505", "could not create unique index \"" + def.name() + "\"", 0,
                    "Key " + duplicate + " is duplicated.", null, null);
        }
        indexTables.put(def.name(), def.table());
        return new Change(new Redo.CreateIndex(def), () -> {
            t.removeSecondary(s);
            indexTables.remove(def.name());
        });
    }

    Change addPrimaryKey(String table, List<Integer> columns) {
        TableState t = require(table);
        TableState.Layout old = t.layout();
        if (!old.hiddenKey()) {
            throw new SqlException("42P16", "multiple primary keys for table \"" + table + "\" are not allowed");
        }
        checkColumns(old.def(), columns);
        TableDef def = Indexing.withPrimaryKey(old.def(), columns);
        String pkey = TableState.primaryIndexDef(def).name();
        if (indexTables.containsKey(pkey)) {
            throw new SqlException("42P07", "relation \"" + pkey + "\" already exists");
        }
        ConcurrentSkipListMap<Object[], Chain> primary = Indexing.rekey(t, old, def, meter);
        List<SecondaryIndex> secondaries = new ArrayList<>();
        for (SecondaryIndex s : old.secondaries()) {
            SecondaryIndex rebuilt = new SecondaryIndex(s.def);
            Indexing.fill(rebuilt, primary);
            secondaries.add(rebuilt);
        }
        t.replacePrimary(def, primary, secondaries);
        indexTables.put(pkey, table);
        return new Change(new Redo.AddPrimaryKey(table, columns), () -> {
            t.replacePrimary(old.def(), old.primary(), old.secondaries());
            indexTables.remove(pkey);
        });
    }

    /** ALTER TABLE … ADD COLUMN: null when it exists and {@code ifNotExists}. */
    Change addColumn(String table, ColumnDef column, boolean ifNotExists) {
        TableState t = require(table);
        TableState.Layout old = t.layout();
        TableDef def = Columns.added(t, column, ifNotExists);
        if (def == null) {
            return null;
        }
        ConcurrentSkipListMap<Object[], Chain> primary = Columns.reshape(old, def, -1, meter);
        if (column.notNull() && !primary.isEmpty()) {
            throw new SqlException("23502", "column \"" + column.name() + "\" of relation \"" + table + "\" contains null values");
        }
        t.replacePrimary(def, primary, Columns.secondaries(old, -1, primary));
        return new Change(new Redo.AddColumn(table, column), () -> t.replacePrimary(old.def(), old.primary(), old.secondaries()));
    }

    /** ALTER TABLE … DROP COLUMN: null when there is none and {@code ifExists}. */
    Change dropColumn(String table, String column, boolean ifExists) {
        TableState t = require(table);
        TableState.Layout old = t.layout();
        int drop = Columns.index(old.def(), column);
        if (drop < 0) {
            if (ifExists) {
                return null;
            }
            throw new SqlException("42703", "column \"" + column + "\" of relation \"" + table + "\" does not exist");
        }
        TableDef def = Columns.dropped(old, drop);
        ConcurrentSkipListMap<Object[], Chain> primary = Columns.reshape(old, def, drop, meter);
        t.replacePrimary(def, primary, Columns.secondaries(old, drop, primary));
        return new Change(new Redo.DropColumn(table, column), () -> t.replacePrimary(old.def(), old.primary(), old.secondaries()));
    }

    /** The records that recreate the catalog of {@code layouts}: tables, then their secondary indexes. */
    static List<byte[]> records(List<TableState.Layout> layouts) {
        List<byte[]> out = new ArrayList<>();
        for (TableState.Layout l : layouts) {
            out.add(Redo.encode(new Redo.CreateTable(l.def())));
        }
        for (TableState.Layout l : layouts) {
            for (SecondaryIndex s : l.secondaries()) {
                out.add(Redo.encode(new Redo.CreateIndex(s.def)));
            }
        }
        return out;
    }

    private static void checkColumns(TableDef def, List<Integer> columns) {
        for (int c : columns) {
            if (c < 0 || c >= def.columns().size()) {
                throw new SqlException("42703", "column " + c + " does not exist in table \"" + def.name() + "\"");
            }
        }
    }
}
