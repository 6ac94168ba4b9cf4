package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.check.Builtins;
import io.hallows.dsl.impl.check.Type;
import java.util.List;

/**
 * Java for the built-ins of web code ({@code random}, {@code parseInt}, {@code min}, {@code max},
 * {@code sortBy}) and for a template's body, which writes into the {@code $out} buffer its method
 * declares ({@link io.hallows.dsl.runtime.Html} escapes).
 */
final class BuiltinCode {
    private static final String RT = JavaNames.RUNTIME;

    private BuiltinCode() {
    }

    static boolean handles(Builtins.Function f) {
        return switch (f) {
            case RANDOM, PARSE_INT, MIN, MAX, MARKUP, TEXT, RESULT -> true;
            default -> false;
        };
    }

    static String call(ExprGenerator exprs, Builtins.Function f, List<Expr> args) {
        List<String> a = args.stream().map(exprs::gen).toList();
        return switch (f) {
            case RANDOM -> RT + "PtBuiltins.random(" + a.get(0) + ", " + a.get(1) + ")";
            case PARSE_INT -> RT + "PtBuiltins.parseInt(" + a.getFirst() + ")";
            case MIN -> "Math.min(" + a.get(0) + ", " + a.get(1) + ")";
            case MAX -> "Math.max(" + a.get(0) + ", " + a.get(1) + ")";
            case MARKUP -> "$out.append(" + a.getFirst() + ")";
            case TEXT -> RT + "Html.text($out, " + a.getFirst() + ")";
            case RESULT -> RT + "Html.markup($out)";
            default -> throw new IllegalStateException(f + " is not a web built-in");
        };
    }

    /** {@code list.sortBy("field")}: by the field's natural order (Int and Float as numbers). */
    static String sortBy(Type list, String receiver, String field) {
        Type.Model model = (Type.Model) ((Type.ListOf) list).element();
        Type key = model.field(field);
        String by = key == Type.INT ? "comparingLong" : key == Type.FLOAT ? "comparingDouble" : "comparing";
        String x = "(" + JavaNames.type(model, false) + " $x)";
        return RT + "PtBuiltins.sortBy(" + receiver + ", java.util.Comparator." + by + "(" + x + " -> $x." + JavaNames.id(field) + "()))";
    }
}
