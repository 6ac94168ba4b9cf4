package io.hallows.dsl.impl.check;

import static io.hallows.dsl.impl.check.Check.clean;
import static io.hallows.dsl.impl.check.Check.diagnostics;
import static io.hallows.dsl.impl.check.Check.module;
import static io.hallows.dsl.impl.check.Check.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.impl.FrontEnd;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stored models, their queries, raw sql and @transaction (PT06xx), and the tables operations read. */
class StoredCheckTest {
    private static final String PRODUCT = "model Product stored in \"products\" { id: Int, name: String, price: Int, note: Option<String> }\n";

    private static String op(String signatureAndBody) {
        return module(PRODUCT + "model Line { sku: Int, qty: Int }\nservice S {\n" + signatureAndBody + "}\n");
    }

    @Test
    void aStoredModelHasAnIdKeyAndColumnTypes() {
        clean(module(PRODUCT));
        clean(module("model Tag stored in \"tags\" { id: String, label: String, weight: Float, shown: Bool }\n"));
        one(module("model P stored in \"p\" { name: String }\n"), "PT0601", "stored model 'P' has no field 'id'");
        one(module("model P stored in \"p\" { id: Float }\n"), "PT0601", "the key 'id' of stored model 'P' is Float; a key is an Int or a String");
        one(module("model P stored in \"p\" { id: Int, tags: List<String> }\n"), "PT0601",
                "field 'tags' of stored model 'P' is List<String>, which has no column type");
        one(module("model P stored in \"Products\" { id: Int }\n"), "PT0601", "table name \"Products\" of stored model 'P' must be lower-case");
        one(module("model P stored in \"pt_state\" { id: Int }\n"), "PT0601", "not starting with a digit, 'pg_' or 'pt_'");
        one(module(PRODUCT + "model Q stored in \"products\" { id: Int }\n"), "PT0601", "stored model 'Q' is stored in \"products\","
                + " like model 'Product': a table holds one model");
        one(module("reactive_model P stored in \"p\" { id: Int }\n"), "PT0601", "cannot be a reactive_model");
        one(module("model P stored in \"p\" { id: Int, userName: String, username: String }\n"), "PT0601",
                "fields 'userName' and 'username' of stored model 'P' differ only in case");
    }

    @Test
    void droppedFieldsBelongToStoredModels() {
        clean(module("model C stored in \"c\" { id: Int, @dropped fax: String }\n"
                + "service S {\n    op f(): C {\n        return C { id: 1 };\n    }\n}\n"));
        one(module("model C { id: Int, @dropped fax: String }\n"), "PT0601", "'C' is not stored: remove the field");
        one(module("model C stored in \"c\" { id: Int, fax: String, @dropped fax: String }\n"), "PT0601",
                "field 'fax' of stored model 'C' is both kept and @dropped");
        one(module("model C stored in \"c\" { id: Int, @later fax: String }\n"), "PT0210", "a field takes only the marker @dropped");
    }

    @Test
    void queriesAreTyped() {
        clean(op("    op f(id: Int, l: Line): Int {\n        let p: Option<Product> = Product.find(id);\n"
                + "        let all: List<Product> = Product.all();\n        let n: Int = Product.count();\n"
                + "        let ch: Bool = Product.update(Product { id: id, name: \"x\", price: l.qty, note: none });\n"
                + "        Product.delete(id);\n        Product.insert(Product { id: 9, name: \"y\", price: 1, note: some(\"n\") });\n"
                + "        return n;\n    }\n"));
        one(op("    op f() {\n        let p = Product.find(\"a\");\n    }\n"), "PT0301", "argument 1 of 'find': expected Int, found String");
        one(op("    op f() {\n        Product.save(1);\n    }\n"), "PT0602", "stored model 'Product' has no method 'save'");
        one(op("    op f() {\n        Line.all();\n    }\n"), "PT0602", "model 'Line' is not stored, so it has no method 'all'");
        one(op("    op f(): Int {\n        return Product.count(1);\n    }\n"), "PT0304", "'count' takes 0 arguments, found 1");
        one(op("    op f() {\n        Product.count();\n    }\n"), "PT0316", "the result of this call is not used");
        one(module(PRODUCT + "service S {\n    let_reactive_var n: Int = 0;\n    derived d: Int = Product.count() + n;\n}\n"),
                "PT0402", "derived 'd' cannot query stored model 'Product'");
    }

    @Test
    void whereConditionsTranslateToSql() {
        clean(op("    op f(max: Int, l: Line): List<Product> {\n"
                + "        return Product.where(price * 2 <= max + l.qty and not (name == \"x\" or id > len(\"abc\")));\n    }\n"));
        one(op("    op f(): List<Product> {\n        return Product.where(price);\n    }\n"), "PT0301",
                "type mismatch in the condition of 'where': expected Bool, found Int");
        one(op("    op f(): List<Product> {\n        return Product.where(price / 2 > 1);\n    }\n"), "PT0603",
                "'/' over a field does not translate to SQL");
        one(op("    op f(): List<Product> {\n        return Product.where(name.length() > 1);\n    }\n"), "PT0603",
                "this expression over a field of the model does not translate to SQL");
        one(op("    op f(): List<Product> {\n        return Product.where(note == none);\n    }\n"), "PT0603",
                "field 'note' is an Option (a nullable column)");
        one(op("    op f(o: Option<Int>): List<Product> {\n        return Product.where(price == o.orElse(1) and id == o);\n    }\n"),
                "PT0302", "'==' compares two values of the same type, found Int and Option<Int>");
        one(op("    op f(): List<Product> {\n        return Product.where(prise > 1);\n    }\n"), "PT0201", "unknown name 'prise'");
    }

    @Test
    void rawQueriesHaveALiteralTextAndTypedRows() {
        clean(op("    op f(n: String): List<Product> {\n        return sql<Product>(\"SELECT * FROM products WHERE name = $1\", n);\n    }\n"
                + "    op g(): List<Int> {\n        return sql<Int>(\"SELECT count(*) FROM products\");\n    }\n"));
        one(op("    op f(q: String): List<Int> {\n        return sql<Int>(q);\n    }\n"), "PT0604", "sql<…> takes the query as a string literal");
        one(op("    op f(): List<Int> {\n        return sql<Int>(\"SELECT id FROM products WHERE id = $1\");\n    }\n"), "PT0604",
                "the query uses parameters $1…$1 but 0 argument(s) follow it");
        one(op("    op f(): List<Int> {\n        return sql<Line>(\"SELECT 1\");\n    }\n"), "PT0301", "expected List<Int>, found List<Line>");
        one(op("    op f(l: Line): List<Int> {\n        return sql<Int>(\"SELECT id FROM products WHERE id = $1\", [1]);\n    }\n"),
                "PT0604", "a query argument is an Int, Float, Bool, String or an Option of one, found List<Int>");
    }

    @Test
    void theExampleOfTheReferenceChecks() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("basedir", "."), "..", "..", "docs",
                "parseltongue.md"));
        int section = doc.indexOf("## Stored models");
        int start = doc.indexOf("```\n", section) + 4;
        String example = doc.substring(start, doc.indexOf("```", start));
        assertTrue(example.startsWith("module crm"), example);
        assertEquals(List.of(), diagnostics(FrontEnd.check("crm.pt", example)));
    }

    @Test
    void transactionTakesOnlyNone() {
        clean(op("    @transaction(\"none\")\n    op f(): Int {\n        return Product.count();\n    }\n"));
        one(op("    @transaction(\"serializable\")\n    op f(): Int {\n        return Product.count();\n    }\n"), "PT0605",
                "@transaction takes only \"none\"");
    }

    @Test
    void conflictCanBeCaughtNotRaised() {
        clean(op("    op f(p: Product): Bool {\n        try {\n            Product.insert(p);\n        } catch Conflict e {\n"
                + "            return false;\n        }\n        return true;\n    }\n"));
        one(op("    op f() {\n        raise Conflict {};\n    }\n"), "PT0409", "'Conflict' is a built-in error raised by the insert");
    }

    @Test
    void theTablesAnOperationReadsIncludeThoseOfTheOperationsItCalls() {
        String source = module(PRODUCT + "model Order stored in \"orders\" { id: Int, sku: Int }\nservice S {\n"
                + "    op feed(): List<Product> {\n        let n = orders();\n        return Product.all();\n    }\n"
                + "    op orders(): Int {\n        return Order.count();\n    }\n"
                + "    op raw(): List<Int> {\n        return sql<Int>(\"SELECT o.id FROM orders o JOIN \\\"Products\\\" p ON o.sku = p.id\");\n    }\n"
                + "    op write(o: Order) {\n        Order.insert(o);\n    }\n"
                + "    op plain(): Int {\n        return 1;\n    }\n}\n");
        FrontEnd.Analysis r = FrontEnd.analyze("m.pt", source, Environment.isolated());
        assertEquals(List.of(), diagnostics(r.diagnostics()));
        ServiceInfo s = r.module().module().services().get("S");
        assertEquals(Set.of("products", "orders"), StoredTables.read(r.module(), s.op("feed")));
        assertEquals(Set.of("orders", "Products"), StoredTables.read(r.module(), s.op("raw")));
        assertEquals(Set.of(), StoredTables.read(r.module(), s.op("write")));
        assertTrue(StoredTables.touches(r.module(), s.op("write")));
        assertFalse(StoredTables.touches(r.module(), s.op("plain")));
    }
}
