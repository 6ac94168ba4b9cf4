package io.hallows.dsl.impl.check;

import static io.hallows.dsl.impl.check.Check.clean;
import static io.hallows.dsl.impl.check.Check.module;
import static io.hallows.dsl.impl.check.Check.one;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Types: no implicit conversions, operators, conditions, inference from context, literals, statements. */
class TypesCheckTest {
    private static String op(String result, String body) {
        return module("model Order { sku: String, qty: Int }\nmodel Pair<A, B> { first: A, second: B }\n"
                + "service S {\n    op f(i: Int, x: Float, s: String, b: Bool, xs: List<Int>): " + result + " {\n" + body + "    }\n}\n");
    }

    @Test
    void noImplicitConversions() {
        one(op("Float", "        return i + x;\n"), "PT0302", "'+' takes two Ints or two Floats (or two Strings), found Int and Float;"
                + " there is no implicit conversion: use float(i) or int(f)");
        clean(op("Float", "        return float(i) + x;\n"));
        one(op("String", "        return s + i;\n"), "PT0302", "'+' joins two Strings, found String and Int; convert the other with str(...)");
        clean(op("String", "        return s + str(i) + str(x) + str(b);\n"));
        one(op("Int", "        return int(i);\n"), "PT0301", "type mismatch in the argument of int (it converts a Float): expected Float, found Int");
    }

    @Test
    void operators() {
        one(op("Bool", "        return i == x;\n"), "PT0302", "'==' compares two values of the same type, found Int and Float");
        one(op("Bool", "        return b < b;\n"), "PT0302", "'<' compares two Ints, two Floats or two Strings, found Bool and Bool");
        one(op("Bool", "        return i and b;\n"), "PT0302", "'and' takes two Bools, found Int and Bool");
        one(op("Bool", "        return not i;\n"), "PT0302", "'not' takes a Bool, found Int");
        one(op("String", "        return -s;\n"), "PT0302", "'-' takes an Int or a Float, found String");
        clean(op("Bool", "        return s < \"m\" and xs == [1, 2] and Order { sku: s, qty: i } != Order { sku: \"a\", qty: 1 };\n"));
    }

    @Test
    void conditionsAreBools() {
        one(op("Int", "        if i {\n            return 1;\n        }\n        return 0;\n"), "PT0303",
                "the condition of 'if' must be a Bool, found Int");
        one(op("Int", "        while xs {\n        }\n        return 0;\n"), "PT0303", "the condition of 'while' must be a Bool, found List<Int>");
    }

    @Test
    void mismatches() {
        one(op("Int", "        let n: Int = s;\n        return n;\n"), "PT0301", "the initial value of 'n': expected Int, found String");
        one(op("Int", "        return s;\n"), "PT0301", "the result of operation 'f': expected Int, found String");
        one(op("Int", "        return f(1, 2.0, \"a\", true, [x]);\n"), "PT0301", "type mismatch in list element: expected Int, found Float");
        one(op("Int", "        return f(1);\n"), "PT0304", "'f' takes 5 arguments, found 1");
        one(op("String", "        return str(xs);\n"), "PT0301", "str(x) takes an Int, a Float, a Bool or a String, found List<Int>");
        one(op("Int", "        return len(i);\n"), "PT0301", "len(x) takes a List, a Map or a String, found Int");
        one(op("Int", "        return xs.get(0);\n"), "PT0301", "expected Int, found Option<Int>");
    }

    @Test
    void emptyCollectionsAndNoneTakeTheirTypeFromContext() {
        one(op("Int", "        let e = [];\n        return 0;\n"), "PT0305", "cannot tell the type of an empty list here");
        one(op("Int", "        var m = {};\n        return 0;\n"), "PT0305", "cannot tell the type of an empty map here");
        one(op("Int", "        let n = none;\n        return 0;\n"), "PT0305", "cannot tell the type of 'none' here");
        clean(op("Int", "        var e: List<Int> = [];\n        e = e.add(1);\n        let m: Map<String, List<Int>> = {\"a\": []};\n"
                + "        let o: Option<Int> = none;\n        if o == none and none == o and xs != [] {\n            return len(m);\n        }\n"
                + "        return o.orElse(len(e));\n"));
    }

    @Test
    void genericModelsInferTheirArguments() {
        clean(op("Pair<String, Int>", "        let p = Pair { first: s, second: i };\n        return Pair { first: p.first, second: p.second + 1 };\n"));
        one(op("Int", "        let p = Pair { first: [], second: i };\n        return 0;\n"), "PT0305", "empty list");
        one(op("Pair<String, Int>", "        return Pair { first: i, second: i };\n"), "PT0301",
                "type mismatch in field 'first' of Pair: expected String, found Int");
    }

    @Test
    void modelLiteralsNeedEveryFieldOnce() {
        one(op("Order", "        return Order { sku: s };\n"), "PT0306", "model 'Order' is missing field 'qty'");
        // qty is already given: suggesting it would be wrong (issue 15); a field still missing is suggested.
        assertTrue(one(op("Order", "        return Order { sku: s, qty: i, qtty: 2 };\n"), "PT0202", "model 'Order' has no field 'qtty'")
                .endsWith("has no field 'qtty'"));
        assertTrue(String.join("\n", Check.diagnostics(op("Order", "        return Order { sku: s, qtty: 2 };\n")))
                .contains("has no field 'qtty' (did you mean 'qty'?)"));
    }

    @Test
    void matchAndFor() {
        one(op("Int", "        match i {\n            some(v) => return v;\n            none => return 0;\n        }\n"), "PT0307",
                "match takes an Option, found Int");
        one(op("Int", "        for c in s {\n        }\n        return 0;\n"), "PT0307", "for iterates over a List or a Map, found String");
        one(op("Int", "        for (k, v) in xs {\n        }\n        return 0;\n"), "PT0307", "a List gives one element per turn");
    }

    @Test
    void valuesMustBeUsedAndExist() {
        String unit = module("service S {\n    op g() {\n    }\n    op f(xs: List<Int>): Int {\n        %s\n        return 0;\n    }\n}\n");
        one(String.format(unit, "let u = g();"), "PT0315", "this returns nothing (Unit)");
        one(String.format(unit, "xs.size();"), "PT0316", "the result of this call is not used");
        one(String.format(unit, "xs[0];"), "PT0314", "indexing with [] is not supported");
        clean(String.format(unit, "g();"));
    }

    @Test
    void errorsAndUnitAreNotValueTypes() {
        one(module("error E { x: Int }\nservice S {\n    op f(e: E) {\n    }\n}\n"), "PT0313", "'E' is an error type");
        one(module("model M { u: Unit }\n"), "PT0313", "Unit is not a type of values");
        one(module("model M { x: Int }\nservice S {\n    op f() {\n        try {\n        } catch M e {\n        }\n    }\n}\n"),
                "PT0312", "'M' is a model, not an error");
        one(module("service S {\n    op f(): List<Int, Int> {\n        return [];\n    }\n}\n"), "PT0304", "List takes 1 type argument, found 2");
    }
}
