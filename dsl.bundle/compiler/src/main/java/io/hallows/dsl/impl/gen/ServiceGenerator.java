package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Hint;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.ServiceInfo;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Type;
import io.hallows.dsl.impl.syntax.TemplateParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The implementation class of one service: its state as fields of the variable-kind classes bound
 * to cells of the module's state store, its derived values and subscriptions wired in the
 * constructor (subscriptions closed with the revision), and its operations as methods. An
 * operation with a {@code @partition}, or with List or Map parameters (copied on entry from Java
 * callers), has its body in a private {@code name$body} method, which other operations of the
 * service call directly.
 */
final class ServiceGenerator {
    private static final String RT = JavaNames.RUNTIME;

    private final CheckedModule checked;
    private final ServiceInfo service;
    private final TypeSignatures signatures;
    private final JavaWriter w = new JavaWriter();
    /** What a split body writes after its method is closed (its parts), or null. */
    private Runnable after;
    /** The operation being written is a template: its body writes into a {@code $out} buffer. */
    private boolean template;

    ServiceGenerator(CheckedModule checked, ServiceInfo service, TypeSignatures signatures) {
        this.checked = checked;
        this.service = service;
        this.signatures = signatures;
    }

    /** For each line of the generated class (from 0), the {@code .pt} line it came from, or 0. */
    int[] sourceLines() {
        return w.sourceLines();
    }

    /** The method holding {@code op}'s body. */
    static String bodyMethod(Symbol.Op op) {
        return JavaNames.id(op.name()) + (hasBodyMethod(op) ? "$body" : "");
    }

    private static boolean hasBodyMethod(Symbol.Op op) {
        return partition(op) != null || op.params().stream().anyMatch(p -> p.type() instanceof Type.ListOf || p.type() instanceof Type.MapOf);
    }

    private static Hint partition(Symbol.Op op) {
        return op.decl().hints().stream().filter(h -> h.name().equals("partition")).findFirst().orElse(null);
    }

    String generate(String pkg, String className) {
        w.line("package " + pkg + ";").line("");
        w.line("/** Service {@code " + service.name() + "} of Parseltongue module {@code " + service.module() + "}. Generated. */");
        w.open("public final class " + className + " implements " + JavaNames.api(service.module(), service.name()));
        w.line("private final " + RT + "ModuleContext $ctx;");
        if (StoredGenerator.usesDatabase(checked)) {
            w.line("private final " + RT + "PtDb $db;");
        }
        service.state().values().forEach(s -> w.line("private final " + RT + kind(s.kind()) + "<" + JavaNames.boxed(s.type()) + "> "
                + JavaNames.id(s.name()) + ";"));
        service.derived().values().forEach(d -> w.line("private final " + RT + "Derived<" + JavaNames.boxed(d.type()) + "> "
                + JavaNames.id(d.name()) + ";"));
        w.line("");
        constructor(className);
        service.ops().values().forEach(ops -> operation(ops.getFirst()));
        template = false;
        int n = 0;
        for (Member m : service.decl().members()) {
            if (m instanceof Member.Subscription s) {
                w.at(s.pos().line());
                w.line("");
                String name = subscriber(s, ++n);
                w.open("private void " + name + "()");
                body(s.body(), new SplitBody.Target(name, List.of(), Type.UNIT, ""));
                close();
            }
        }
        return w.close().toString();
    }

    private static String kind(Member.VarKind kind) {
        return switch (kind) {
            case COW -> "CowVar";
            case MUT_SHARED -> "SharedVar";
            case REACTIVE -> "Signal";
        };
    }

    private static String subscriber(Member.Subscription s, int n) {
        return "on$" + s.variable().text() + "$" + n;
    }

    private void constructor(String className) {
        w.open("public " + className + "(" + RT + "ModuleContext $ctx)");
        w.line("this.$ctx = $ctx;");
        if (StoredGenerator.usesDatabase(checked)) {
            w.line("this.$db = " + StoredGenerator.open(checked) + ";");
        }
        for (Symbol.State s : service.state().values()) {
            String cell = "$ctx.state().<" + JavaNames.boxed(s.type()) + ">cell($ctx.module(), "
                    + JavaNames.literal(service.name() + "." + s.name()) + ", " + JavaNames.literal(signatures.of(s.type()))
                    + ", () -> " + new ExprGenerator(checked, service).gen(s.decl().init()) + ")";
            String args = s.kind() == Member.VarKind.REACTIVE ? "$ctx, " + JavaNames.literal(s.name()) + ", " + cell : cell;
            w.line("this." + JavaNames.id(s.name()) + " = new " + RT + kind(s.kind()) + "<" + JavaNames.boxed(s.type()) + ">(" + args + ");");
        }
        for (Symbol.DerivedValue d : checked.derivedOrder().get(service.name())) {
            ExprGenerator exprs = new ExprGenerator(checked, service);
            exprs.derived = true;
            String sources = checked.derivedReads().get(d.decl()).stream().map(r -> "this." + JavaNames.id(r))
                    .collect(Collectors.joining(", "));
            w.line("this." + JavaNames.id(d.name()) + " = new " + RT + "Derived<" + JavaNames.boxed(d.type()) + ">($ctx, "
                    + JavaNames.literal(d.name()) + ", $r -> " + exprs.gen(d.decl().value()) + ", java.util.List.<" + RT
                    + "Reactive<?>>of(" + sources + "));");
        }
        int n = 0;
        for (Member m : service.decl().members()) {
            if (m instanceof Member.Subscription s) {
                w.line("$ctx.onClose(this." + JavaNames.id(s.variable().text()) + ".listen(this::" + subscriber(s, ++n) + "));");
            }
        }
        w.close();
    }

    private void operation(Symbol.Op op) {
        template = TemplateParser.isTemplate(op.decl());
        w.at(op.decl().pos().line());
        w.line("");
        w.line("@Override");
        w.open("public " + ApiGenerator.signature(op));
        String raises = ApiGenerator.raises(op);
        boolean transaction = StoredGenerator.transactional(checked, op);
        if (!hasBodyMethod(op) && !transaction) {
            body(op.decl().body(), new SplitBody.Target(JavaNames.id(op.name()), op.params(), op.result(), raises));
            close();
            return;
        }
        List<String> args = new ArrayList<>();
        for (Symbol.Local p : op.params()) {
            String name = JavaNames.id(p.name());
            args.add(p.type() instanceof Type.ListOf ? RT + "PtValues.list(" + name + ")"
                    : p.type() instanceof Type.MapOf ? RT + "PtValues.map(" + name + ")" : name);
        }
        // Without a body method of its own, a transactional operation's body is in name$tx: calls
        // from the service go through the public method, whose transaction they join.
        String inner = hasBodyMethod(op) ? bodyMethod(op) : JavaNames.id(op.name()) + "$tx";
        String call = "this." + inner + "(" + String.join(", ", args) + ")";
        boolean unit = op.result() == Type.UNIT;
        if (transaction) {
            call = "this.$db.transaction(() -> " + (unit ? "{ " + call + "; return null; })" : call + ")");
            if (!service.state().isEmpty()) {
                // The state an operation wrote is persisted once its transaction has committed
                // (the body's own bracket is then an inner one), not by each attempt of a retry.
                call = RT + "StateWrites.around(() -> " + call + ")";
            }
        }
        Hint partition = partition(op);
        if (partition != null) {
            Hint key = op.decl().hints().stream().filter(h -> h.name().equals("key")).findFirst().orElse(null);
            String keyCode = key == null ? "null" : new ExprGenerator(checked, service).gen(key.value());
            call = RT + "PtCalls.inPartition(this.$ctx, " + JavaNames.literal(((Expr.StringLit) partition.value()).value()) + ", "
                    + keyCode + ", () -> " + (unit ? "{ " + call + "; return null; })" : call + ")");
        }
        w.line((unit ? "" : "return ") + call + ";");
        w.close();
        w.line("");
        String params = op.params().stream().map(p -> JavaNames.type(p.type(), false) + " " + JavaNames.id(p.name()))
                .collect(Collectors.joining(", "));
        w.open("private " + JavaNames.type(op.result(), false) + " " + inner + "(" + params + ")");
        body(op.decl().body(), new SplitBody.Target(inner, op.params(), op.result(), raises));
        close();
    }

    /**
     * A body. Each copy-on-write variable it reads but never assigns, in a body that calls no
     * operation (which could assign it), is read once, into a local at the start: the body sees
     * one snapshot of it, as a reader of a copy-on-write variable does, and its loops read a
     * local instead of the variable. The body is generated once to learn that (and its size),
     * then again; a large one is split into parts ({@link SplitBody}), written by {@link #close}.
     * A body that assigns a variable is bracketed by {@code StateWrites}: what it wrote is
     * persisted when it ends, also when it raises.
     */
    private void body(io.hallows.dsl.impl.ast.Block block, SplitBody.Target target) {
        ExprGenerator trial = new ExprGenerator(checked, service);
        JavaWriter trialOut = new JavaWriter();
        BodyGenerator trialBody = new BodyGenerator(trial, checked, trialOut);
        List<io.hallows.dsl.impl.ast.Stmt> statements = block.statements();
        int[] sizes = new int[statements.size()];
        List<java.util.Set<Symbol.Local>> uses = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int before = trialOut.length();
            trialBody.statement(statements.get(i));
            sizes[i] = trialOut.length() - before;
            uses.add(java.util.Set.copyOf(trial.localsUsed));
            trial.localsUsed.clear();
        }
        java.util.Map<Symbol.State, String> snapshots = new java.util.LinkedHashMap<>();
        if (!trial.callsOperations) {
            trial.cowReads.stream().filter(st -> !trial.stateAssigned.contains(st))
                    .forEach(st -> snapshots.put(st, JavaNames.id(st.name()) + "$snapshot"));
        }
        // A body that assigns state persists it when it ends (docs/parseltongue.md, "Durable state").
        boolean writes = !trial.stateAssigned.isEmpty();
        if (writes) {
            w.line("final " + RT + "StateWrites.Scope $state = " + RT + "StateWrites.enter();");
            w.open("try");
        }
        if (template) {
            // A template's parts would not see its buffer: it is never split.
            w.line("final StringBuilder $out = new StringBuilder(1024);");
        }
        if (!template && trialOut.length() > SplitBody.SPLIT_ABOVE) {
            after = SplitBody.write(checked, new ExprGenerator(checked, service), w, target, block, sizes, uses, snapshots);
        } else {
            snapshots.forEach((st, local) -> w.line("final " + JavaNames.boxed(st.type()) + " " + local + " = this."
                    + JavaNames.id(st.name()) + ".get();"));
            ExprGenerator exprs = new ExprGenerator(checked, service);
            exprs.snapshots = snapshots;
            new BodyGenerator(exprs, checked, w).block(block);
        }
        if (writes) {
            w.reopen("finally");
            w.line("$state.exit();");
            w.close();
        }
    }

    /** Closes the method, then writes the parts of its body if it was split. */
    private void close() {
        w.close();
        if (after != null) {
            Runnable parts = after;
            after = null;
            parts.run();
        }
    }
}
