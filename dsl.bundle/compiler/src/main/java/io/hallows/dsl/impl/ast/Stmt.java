package io.hallows.dsl.impl.ast;

import java.util.List;

/** A statement in a block. */
public sealed interface Stmt extends Node {
    /**
     * {@code let x: Int = 1;} or, with {@code mutable}, {@code var x = 1;}.
     *
     * @param type the declared type, or null when it is to be inferred from {@code init}
     */
    record Let(Position pos, boolean mutable, String name, TypeRef type, Expr init) implements Stmt {
    }

    /**
     * {@code served = served + 1;} or {@code cart.total = 0;}.
     *
     * @param target an {@link Expr.Name} or a chain of {@link Expr.FieldAccess} ending in one
     */
    record Assign(Position pos, Expr target, Expr value) implements Stmt {
    }

    /**
     * {@code if cond { ... } else { ... }}.
     *
     * @param orElse the else block, or null; an {@code else if} is a block holding one {@link If}
     */
    record If(Position pos, Expr condition, Block then, Block orElse) implements Stmt {
    }

    /**
     * {@code for o in orders { ... }} or {@code for (k, v) in prices { ... }}.
     *
     * @param variables one name (each element) or two (each key and value of a map)
     */
    record For(Position pos, List<String> variables, Expr iterable, Block body) implements Stmt {
        public For {
            variables = List.copyOf(variables);
        }
    }

    /** {@code while cond { ... }} */
    record While(Position pos, Expr condition, Block body) implements Stmt {
    }

    /** {@code return expr;} with {@code value} null for a bare {@code return;}. */
    record Return(Position pos, Expr value) implements Stmt {
    }

    /** {@code raise UnknownSku { sku: order.sku };} */
    record Raise(Position pos, Ident error, List<FieldInit> fields) implements Stmt {
        public Raise {
            fields = List.copyOf(fields);
        }
    }

    /** {@code try { ... } catch UnknownSku e { ... } catch ...}; at least one catch. */
    record Try(Position pos, Block body, List<Catch> catches) implements Stmt {
        public Try {
            catches = List.copyOf(catches);
        }
    }

    /** {@code catch UnknownSku e { ... }}: an error type, the variable bound to the error, a handler. */
    record Catch(Position pos, Ident errorType, String variable, Block body) implements Node {
    }

    /**
     * {@code match opt { some(x) => ... none => ... }}.
     *
     * @param binding the name bound to the value in the {@code some} arm
     */
    record Match(Position pos, Expr subject, String binding, Block some, Block none) implements Stmt {
    }

    /** An expression evaluated for its effect: {@code log("x");}. */
    record ExprStmt(Position pos, Expr expr) implements Stmt {
    }
}
