package io.hallows.dsl.impl.check;

import static io.hallows.dsl.impl.check.Check.clean;
import static io.hallows.dsl.impl.check.Check.module;
import static io.hallows.dsl.impl.check.Check.one;

import org.junit.jupiter.api.Test;

/** Variable kinds, reactivity, the flow of errors and hints' arguments (PT04xx). */
class KindsCheckTest {
    private static final String STATE = "    let_cow_var prices: Map<String, Int> = {\"a\": 1};\n"
            + "    let_mut_shared_var count: Int = 0;\n    let_reactive_var tax: Int = 20;\n    derived factor: Int = 100 + tax;\n";

    private static String service(String members) {
        return module("model Order { sku: String }\nreactive_model Cart { items: Int }\nerror Unknown { sku: String }\n"
                + "service S {\n" + STATE + members + "}\n");
    }

    private static String op(String body) {
        return service("    op f(p: Int, o: Order) {\n" + body + "    }\n");
    }

    @Test
    void onlyVarsAndStateCanBeAssigned() {
        one(op("        let x = 1;\n        x = 2;\n"), "PT0401", "'x' is declared with let and cannot be assigned; declare it with var");
        one(op("        p = 2;\n"), "PT0401", "parameter 'p' cannot be assigned");
        one(op("        factor = 2;\n"), "PT0401", "'factor' is derived: it follows its inputs and cannot be assigned");
        one(op("        for (k, v) in prices {\n            v = 1;\n        }\n"), "PT0401", "loop variable 'v' cannot be assigned");
        clean(op("        var x = 1;\n        x = x + p;\n        count = count + x;\n        tax = 25;\n        prices = prices.put(\"b\", 2);\n"));
    }

    @Test
    void onlyReactiveModelFieldsCanBeAssigned() {
        one(op("        var o2 = o;\n        o2.sku = \"b\";\n"), "PT0401", "fields of model 'Order' cannot be assigned: it is not a reactive_model");
        clean(service("    let_reactive_var cart: Cart = Cart { items: 0 };\n    op f(n: Int) {\n        cart.items = cart.items + n;\n"
                + "        var local = cart;\n        local.items = 3;\n    }\n"));
    }

    @Test
    void derivedValuesReadOnlyReactiveStateAndArePure() {
        one(service("    derived bad: Int = count + 1;\n"), "PT0402", "derived 'bad' reads let_mut_shared_var 'count', which is not tracked");
        one(service("    derived bad: Int = len(prices);\n"), "PT0402", "derived 'bad' reads let_cow_var 'prices'");
        one(service("    derived bad: Int = g();\n    op g(): Int {\n        return 1;\n    }\n"), "PT0402",
                "derived 'bad' cannot call operation 'g'");
        clean(service("    derived label: String = str(factor) + \"%\";\n"));
    }

    @Test
    void derivedCyclesAreReportedWithTheirPath() {
        one(service("    derived a: Int = b + tax;\n    derived b: Int = c;\n    derived c: Int = a;\n"), "PT0403",
                "derived values depend on each other in a cycle: a -> b -> c -> a");
    }

    @Test
    void subscriptionsWatchReactiveVariablesAndDerivedValues() {
        one(service("    on count changed {\n    }\n"), "PT0404", "'count' is a let_mut_shared_var: only let_reactive_var");
        one(service("    on taxx changed {\n    }\n"), "PT0201", "unknown reactive variable 'taxx' (did you mean 'tax'?)");
        clean(service("    on factor changed {\n        log(str(factor));\n    }\n    on tax changed {\n        count = count + 1;\n    }\n"));
    }

    @Test
    void raisedErrorsAreCaughtOrDeclared() {
        String raise = "        raise Unknown { sku: o.sku };\n";
        one(op(raise), "PT0405", "error 'Unknown' is raised here and is neither caught nor declared: catch it, or add 'raises Unknown'"
                + " to operation 'f'");
        clean(service("    op f(o: Order) raises Unknown {\n" + raise + "    }\n"));
        clean(op("        try {\n    " + raise + "        } catch Unknown e {\n            log(e.sku);\n        }\n"));
        String g = "    op g(o: Order) raises Unknown {\n" + raise + "    }\n";
        one(service(g + "    op f(o: Order) {\n        g(o);\n    }\n"), "PT0405", "'g' raises Unknown, which is neither caught nor declared");
        one(service(g + "    on tax changed {\n        g(Order { sku: \"x\" });\n    }\n"), "PT0405", "a subscription cannot raise errors: catch it");
        one(op("        try {\n        } catch Unknown e {\n" + raise + "        }\n"), "PT0405", "neither caught nor declared");
    }

    @Test
    void builtInErrorsAreUncheckedAndOnlyCaught() {
        one(op("        raise Overflow {};\n"), "PT0409", "'Overflow' is a built-in error raised by Int arithmetic only");
        one(service("    op f() raises DivisionByZero {\n    }\n"), "PT0409", "can be caught but not declared");
        clean(op("        try {\n            count = count * 1000;\n        } catch Overflow e {\n            count = 0;\n"
                + "        } catch DivisionByZero e {\n        }\n"));
        one(op("        try {\n        } catch Overflow e {\n        } catch Overflow e2 {\n        }\n"), "PT0204", "already caught");
    }

    @Test
    void copyOnWriteUpdatesArePure() {
        one(service("    op g(): Int {\n        return 1;\n    }\n    op f() {\n        prices = prices.put(\"x\", g());\n    }\n"),
                "PT0406", "let_cow_var 'prices' is updated by compare-and-set");
        clean(service("    op g(): Int {\n        return 1;\n    }\n    op f() {\n        let n = g();\n        prices = prices.put(\"x\", n);\n"
                + "        prices = {\"y\": g()};\n        count = count + g();\n    }\n"));
    }

    @Test
    void initialValuesAreConstants() {
        one(service("    let_cow_var copy: Int = count;\n"), "PT0407", "the initial value of 'copy' cannot read let_mut_shared_var 'count'");
        one(service("    let_cow_var n: Int = g();\n    op g(): Int {\n        return 1;\n    }\n"), "PT0407", "cannot call operation 'g'");
        clean(service("    let_cow_var names: List<String> = [str(1), \"two\".upper()];\n"));
    }

    @Test
    void hintArguments() {
        String body = "    op f(o: Order): Int {\n        return 1;\n    }\n";
        one(service("    @partition(\"web\" + \"x\")\n" + body), "PT0408", "@partition takes the partition's name as a string literal");
        one(service("    @partition(\"web\") @key(count)\n" + body), "PT0408", "@key may only use the operation's parameters");
        one(service("    @key(o.sku)\n" + body), "PT0408", "@key orders the calls of an operation within its partition");
    }
}
