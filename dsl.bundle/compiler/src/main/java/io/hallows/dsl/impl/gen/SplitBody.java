package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.ast.Block;
import io.hallows.dsl.impl.ast.Stmt;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A body too large for one Java method (javac refuses a method of more than 64 KiB of bytecode:
 * "code too large") as a chain of private methods, each holding consecutive top-level statements
 * up to a bounded size. The parameters, the snapshots and the top-level locals that another part
 * uses live in a small holder object (fields of a nested class) that each part takes, so a part
 * reads and assigns what an earlier one declared; a local used only in its own part stays a Java
 * local. Each part ends by returning what the next part returns: a
 * {@code return} anywhere returns from the whole chain, and an error thrown passes through it.
 * A nested block (a loop, an {@code if}, a {@code try}) stays whole inside one part. Bodies below
 * {@link #SPLIT_ABOVE} are not split: their code is unchanged.
 */
final class SplitBody {
    /**
     * Characters of generated Java above which a body is split. Generated code takes about a
     * quarter of a byte of bytecode per character (fully qualified names, indentation), so this
     * and {@link #PART} stay well below javac's 64 KiB even for denser code.
     */
    static final int SPLIT_ABOVE = 40_000;
    /** Characters of generated Java per part (a larger single statement is a part of its own). */
    static final int PART = 20_000;
    private static final String HOLDER = "$l";

    /** The method a body is generated into: its Java name, parameters, result and {@code throws} clause. */
    record Target(String name, List<Symbol.Local> params, Type result, String raises) {
    }

    private SplitBody() {
    }

    /** Consecutive statements grouped into parts of at most {@link #PART} characters each (by their trial size). */
    static List<List<Stmt>> parts(List<Stmt> statements, int[] sizes) {
        List<List<Stmt>> parts = new ArrayList<>();
        List<Stmt> current = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < statements.size(); i++) {
            if (!current.isEmpty() && size + sizes[i] > PART) {
                parts.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(statements.get(i));
            size += sizes[i];
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /**
     * Writes the start of the body (the holder filled with the parameters and snapshots, the first
     * part called) into {@code w}, inside the target method, and returns what writes the holder
     * class and the parts: run it after the method is closed. {@code snapshots} maps each
     * snapshotted variable to the Java expression that reads it.
     */
    static Runnable write(CheckedModule checked, ExprGenerator exprs, JavaWriter w, Target target, Block block, int[] sizes,
            List<Set<Symbol.Local>> uses, Map<Symbol.State, String> snapshots) {
        String holder = target.name() + "$locals";
        Map<String, String> fields = new LinkedHashMap<>();
        for (Symbol.Local p : target.params()) {
            hoist(exprs, fields, p);
        }
        List<List<Stmt>> parts = parts(block.statements(), sizes);
        int first = 0;
        for (List<Stmt> part : parts) {
            for (Stmt s : part) {
                if (s instanceof Stmt.Let l && usedOutside(checked.symbol(l), uses, first, first + part.size())) {
                    hoist(exprs, fields, (Symbol.Local) checked.symbol(l));
                }
            }
            first += part.size();
        }
        Map<Symbol.State, String> read = new LinkedHashMap<>();
        snapshots.forEach((st, local) -> {
            fields.put(local, JavaNames.boxed(st.type()));
            read.put(st, HOLDER + "." + local);
        });
        w.line(holder + " " + HOLDER + " = new " + holder + "();");
        target.params().forEach(p -> w.line(exprs.renames.get(p) + " = " + JavaNames.id(p.name()) + ";"));
        snapshots.forEach((st, local) -> w.line(HOLDER + "." + local + " = this." + JavaNames.id(st.name()) + ".get();"));
        exprs.snapshots = read;
        boolean unit = target.result() == Type.UNIT;
        w.line((unit ? "" : "return ") + call(target, 1) + ";");
        return () -> {
            BodyGenerator body = new BodyGenerator(exprs, checked, w);
            w.line("");
            w.open("private static final class " + holder);
            fields.forEach((name, type) -> w.line(type + " " + name + ";"));
            w.close();
            for (int i = 0; i < parts.size(); i++) {
                w.at(parts.get(i).getFirst().pos().line());
                w.line("");
                w.open("private " + JavaNames.type(target.result(), false) + " " + part(target, i + 1) + "(" + holder + " " + HOLDER + ")"
                        + target.raises());
                parts.get(i).forEach(body::statement);
                if (i + 1 < parts.size()) {
                    w.line((unit ? "" : "return ") + call(target, i + 2) + ";");
                }
                w.close();
            }
        };
    }

    /** Whether a statement outside {@code [from, to)} uses {@code local}: then it lives in the holder, else in its part. */
    private static boolean usedOutside(Symbol local, List<Set<Symbol.Local>> uses, int from, int to) {
        for (int i = 0; i < uses.size(); i++) {
            if ((i < from || i >= to) && uses.get(i).contains(local)) {
                return true;
            }
        }
        return false;
    }

    private static void hoist(ExprGenerator exprs, Map<String, String> fields, Symbol.Local local) {
        String name = JavaNames.id(local.name());
        fields.put(name, JavaNames.type(local.type(), false));
        exprs.renames.put(local, HOLDER + "." + name);
    }

    private static String part(Target target, int n) {
        return target.name() + "$part" + n;
    }

    private static String call(Target target, int n) {
        return "this." + part(target, n) + "(" + HOLDER + ")";
    }
}
