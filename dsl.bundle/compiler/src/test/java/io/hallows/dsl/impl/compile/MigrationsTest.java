package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.oltp.impl.TestDatabases;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module's stored models brought to the database when a revision starts: tables created, fields
 * added and dropped with the data kept, unsafe changes refused with nothing applied, raw queries
 * checked against the catalog.
 */
class MigrationsTest {
    private static final String V1 = """
            module crm version "1.0.0";
            model Customer stored in "customers" { id: Int, name: String, fax: String }
            service Crm {
                op add(c: Customer) { Customer.insert(c); }
                op all(): List<Customer> { return Customer.all(); }
            }
            """;

    @TempDir
    Path dir;
    private TestDatabases.Open db;
    private final List<Modules.Running> started = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        started.forEach(r -> r.context.close());
        db.close();
    }

    private Modules.Running start(String source) {
        Modules.Running r = new Modules().add(source).start("crm", new TestStore(), Map.of(SqlEngine.class, db.database()));
        started.add(r);
        return r;
    }

    /** The revision's start fails with this message (its constructor threw). */
    private String refused(String source) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(source));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private List<String> columns() {
        try (Session s = db.database().open("test", Map.of())) {
            QueryOutcome o = s.query("SELECT * FROM customers").join();
            return o.results().getLast().columns().stream().map(Column::name).toList();
        }
    }

    private List<List<Object>> rows(String sql) {
        try (Session s = db.database().open("test", Map.of())) {
            List<List<Object>> out = new ArrayList<>();
            s.query(sql).join().results().getLast().rows().forEach(r -> out.add(Arrays.asList(r)));
            return out;
        }
    }

    private void v1WithTwoCustomers() {
        Modules.Running v1 = start(V1);
        v1.call("Crm", "add", v1.create("pt.crm.api.Customer", 1L, "Ada", "555-1"));
        v1.call("Crm", "add", v1.create("pt.crm.api.Customer", 2L, "Bob", "555-2"));
        v1.context.close();
        started.clear();
    }

    @Test
    void aFieldAddedAndOneDroppedKeepTheRows() {
        v1WithTwoCustomers();
        Modules.Running v2 = start("""
                module crm version "1.1.0";
                model Customer stored in "customers" { id: Int, name: String, @dropped fax: String, email: Option<String> }
                service Crm {
                    op setEmail(id: Int, email: String): Bool {
                        return Customer.update(Customer { id: id, name: "Ada", email: some(email) });
                    }
                    op all(): List<Customer> { return Customer.all(); }
                }
                """);
        assertEquals(List.of("id", "name", "email"), columns());
        assertTrue((Boolean) v2.call("Crm", "setEmail", 1L, "ada@example.org"));
        assertEquals(List.of(v2.create("pt.crm.api.Customer", 1L, "Ada", Optional.of("ada@example.org")),
                v2.create("pt.crm.api.Customer", 2L, "Bob", Optional.empty())), v2.call("Crm", "all"));
    }

    @Test
    void unsafeChangesAreRefusedWithNothingApplied() {
        v1WithTwoCustomers();
        String message = refused("""
                module crm version "2.0.0";
                model Customer stored in "customers" { id: Int, name: Int, phone: String }
                service Crm { op all(): List<Customer> { return Customer.all(); } }
                """);
        assertTrue(message.contains("field 'name' of Customer is INT8 but column \"name\" of table \"customers\" is TEXT"), message);
        assertTrue(message.contains("field 'phone' of Customer is new and required, and table \"customers\" has rows"), message);
        assertTrue(message.contains("column \"fax\" of table \"customers\" is not a field of Customer: keep the field, or mark"
                + " it '@dropped fax"), message);
        assertEquals(List.of("id", "name", "fax"), columns(), "nothing applied");
        assertEquals(List.of(List.of(1L, "Ada", "555-1"), List.of(2L, "Bob", "555-2")), rows("SELECT * FROM customers ORDER BY id"));
    }

    @Test
    void rawQueriesAreCheckedAgainstTheCatalog() {
        v1WithTwoCustomers();
        String message = refused("""
                module crm version "1.0.1";
                model Customer stored in "customers" { id: Int, name: String, fax: String }
                model Card { id: Int, title: String }
                service Crm {
                    op cards(): List<Card> { return sql<Card>("SELECT id, name FROM customers"); }
                }
                """);
        assertTrue(message.contains("crm.pt:5:37: sql query returns no column \"title\" (it returns id, name)"), message);

        Modules.Running ok = start("""
                module crm version "1.0.2";
                model Customer stored in "customers" { id: Int, name: String, fax: String }
                model Card { id: Int, title: String }
                service Crm {
                    op cards(): List<Card> { return sql<Card>("SELECT name AS title, id FROM customers ORDER BY id DESC"); }
                    op names(): List<String> { return sql<String>("SELECT name FROM customers ORDER BY name"); }
                }
                """);
        assertEquals(List.of(ok.create("pt.crm.api.Card", 2L, "Bob"), ok.create("pt.crm.api.Card", 1L, "Ada")), ok.call("Crm", "cards"));
        assertEquals(List.of("Ada", "Bob"), ok.call("Crm", "names"));
    }

    @Test
    void withoutTheDatabaseTheModuleDoesNotStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Modules().add(V1).start("crm", new TestStore(), Map.of()));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause.getMessage() != null && cause.getMessage().startsWith("module 'crm'"))) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().startsWith("module 'crm' has stored models, but the OLTP database is not available"),
                cause.getMessage());
    }
}
