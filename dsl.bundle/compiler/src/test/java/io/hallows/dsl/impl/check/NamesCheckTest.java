package io.hallows.dsl.impl.check;

import static io.hallows.dsl.impl.check.Check.clean;
import static io.hallows.dsl.impl.check.Check.diagnostics;
import static io.hallows.dsl.impl.check.Check.module;
import static io.hallows.dsl.impl.check.Check.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names: unknown ones with suggestions, duplicates, names used as the wrong kind of thing, hints. */
class NamesCheckTest {
    @Test
    void unknownTypeSuggestsTheClosestDeclaredOne() {
        String d = one(module("model Order { sku: String }\nservice S {\n    op f(o: Ordr) {\n    }\n}\n"), "PT0203",
                "unknown type 'Ordr' (did you mean 'Order'?)");
        assertEquals("4:13", d.substring(0, d.indexOf(' ')));
    }

    @Test
    void unknownNamesSuggestLocalsAndState() {
        one(module("service S {\n    let_cow_var prices: Int = 1;\n    op f(): Int {\n        return prics;\n    }\n}\n"),
                "PT0201", "unknown name 'prics' (did you mean 'prices'?)");
        one(module("service S {\n    op f(total: Int): Int {\n        return totl + 1;\n    }\n}\n"),
                "PT0201", "(did you mean 'total'?)");
    }

    @Test
    void unknownOperationSuggestsOperationsAndBuiltins() {
        one(module("service S {\n    op price(): Int {\n        return 1;\n    }\n    op f(): Int {\n        return prise();\n    }\n}\n"),
                "PT0201", "unknown operation 'prise' (did you mean 'price'?)");
        one(module("service S {\n    op f(x: Int): String {\n        return strr(x);\n    }\n}\n"), "PT0201", "(did you mean 'str'?)");
    }

    @Test
    void unknownFieldsAndMethods() {
        one(module("model Order { qty: Int }\nservice S {\n    op f(o: Order): Int {\n        return o.qtty;\n    }\n}\n"),
                "PT0202", "model 'Order' has no field 'qtty' (did you mean 'qty'?)");
        one(module("service S {\n    op f(s: String): Int {\n        return s.size();\n    }\n}\n"),
                "PT0202", "String has no method 'size'; its methods are length, contains, upper, lower");
        one(module("service S {\n    op f(xs: List<Int>): Int {\n        return xs.size;\n    }\n}\n"),
                "PT0202", "'size' is a method of List<Int>; call it: .size(...)");
    }

    @Test
    void duplicates() {
        one(module("model A { x: Int }\nerror A { y: Int }\n"), "PT0204", "'A' is already declared in this module");
        one(module("model Int { x: Int }\n"), "PT0204", "'Int' is a built-in type");
        one(module("model A { x: Int, x: String }\n"), "PT0204", "model 'A' already has a field 'x'");
        one(module("service S {\n    let_cow_var n: Int = 0;\n    op n(): Int {\n        return 1;\n    }\n}\n"),
                "PT0204", "service 'S' already has a member 'n'");
        one(module("service S {\n    op f(a: Int, a: Int) {\n    }\n}\n"), "PT0204", "operation 'f' already has a parameter 'a'");
        one(module("service S {\n    op f(a: Int) {\n        let a = 2;\n    }\n}\n"), "PT0204", "'a' is already defined here");
        one(module("model P { x: Int }\nservice S {\n    op f(): P {\n        return P { x: 1, x: 2 };\n    }\n}\n"),
                "PT0204", "field 'x' is given twice");
    }

    @Test
    void siblingScopesMayReuseANameButNotHideOne() {
        clean(module("service S {\n    op f(c: Bool): Int {\n        if c {\n            let x = 1;\n            return x;\n"
                + "        } else {\n            let x = 2;\n            return x;\n        }\n    }\n}\n"));
        one(module("service S {\n    op f(xs: List<Int>) {\n        for x in xs {\n            for x in xs {\n            }\n        }\n    }\n}\n"),
                "PT0204", "'x' is already defined here");
    }

    @Test
    void namesUsedAsTheWrongKindOfThing() {
        one(module("service S {\n    op g(): Int {\n        return 1;\n    }\n    op f(): Int {\n        return g;\n    }\n}\n"),
                "PT0207", "'g' is an operation; call it: g(...)");
        one(module("service S {\n    op f(x: Int): Int {\n        return x(1);\n    }\n}\n"), "PT0207", "'x' is a variable, not an operation");
        one(module("service T {\n}\nservice S {\n    op f(t: T) {\n    }\n}\n"), "PT0207", "'T' is a service, not a type");
        one(module("model M { a: Int }\nservice S {\n    op f(): Int {\n        return M;\n    }\n}\n"), "PT0207", "'M' is a type, not a value");
    }

    @Test
    void hints() {
        String op = "    op f(x: Int): Int {\n        return x;\n    }\n}\n";
        one(module("service S {\n    @prtition(\"web\")\n" + op), "PT0206", "unknown hint '@prtition' (did you mean '@partition'?)");
        one(module("service S {\n    @partition(\"a\") @partition(\"b\")\n" + op), "PT0206", "hint @partition is given twice");
        clean(module("service S {\n    @partition(\"web\") @key(x % 16)\n" + op));
    }

    @Test
    void moduleNamesMustBeUsableAsJavaPackages() {
        one("module acme.new version \"1\";\n", "PT0209", "module name segment 'new' is reserved in Java");
    }

    @Test
    void oneMistakeIsReportedOnce() {
        List<String> found = diagnostics(module("service S {\n    op f(o: Ordr): Int {\n        let q = o.qty + 1;\n"
                + "        return q * 2;\n    }\n}\n"));
        assertEquals(1, found.size(), found.toString());
    }
}
