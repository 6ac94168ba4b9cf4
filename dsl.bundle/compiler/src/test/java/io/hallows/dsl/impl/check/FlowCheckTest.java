package io.hallows.dsl.impl.check;

import static io.hallows.dsl.impl.check.Check.clean;
import static io.hallows.dsl.impl.check.Check.module;
import static io.hallows.dsl.impl.check.Check.one;

import org.junit.jupiter.api.Test;

/** Returns: every path of an operation with a result returns; nothing follows a return. */
class FlowCheckTest {
    private static String op(String result, String body) {
        return module("error E { }\nservice S {\n    op f(c: Bool, o: Option<Int>)" + result + " raises E {\n" + body + "    }\n}\n");
    }

    @Test
    void everyPathReturns() {
        one(op(": Int", "        if c {\n            return 1;\n        }\n"), "PT0310",
                "operation 'f' returns Int, but its body can reach its end without a return");
        clean(op(": Int", "        if c {\n            return 1;\n        } else if not c {\n            return 2;\n        } else {\n"
                + "            raise E {};\n        }\n"));
        clean(op(": Int", "        match o {\n            some(v) => return v;\n            none => raise E {};\n        }\n"));
        clean(op(": Int", "        while true {\n        }\n"));
        clean(op(": Int", "        try {\n            return 1;\n        } catch E e {\n            return 2;\n        }\n"));
        one(op(": Int", "        try {\n            return 1;\n        } catch E e {\n        }\n"), "PT0310", "without a return");
        one(op(": Int", "        while c {\n            return 1;\n        }\n"), "PT0310", "without a return");
    }

    @Test
    void nothingFollowsAReturnOrRaise() {
        one(op(": Int", "        return 1;\n        log(\"never\");\n"), "PT0311", "unreachable statement");
        one(op("", "        if c {\n            return;\n        } else {\n            raise E {};\n        }\n        log(\"never\");\n"),
                "PT0311", "unreachable statement");
        one(op("", "        while true {\n        }\n        log(\"never\");\n"), "PT0311", "unreachable statement");
    }

    @Test
    void returnValuesMatchTheResultType() {
        one(op("", "        return 1;\n"), "PT0309", "operation 'f' returns nothing: remove the value, or declare a result type");
        one(op(": Int", "        return;\n"), "PT0309", "operation 'f' returns Int: return a value");
        one(module("service S {\n    let_reactive_var x: Int = 0;\n    on x changed {\n        return 1;\n    }\n}\n"), "PT0309",
                "subscription 'on x changed' returns nothing");
    }
}
