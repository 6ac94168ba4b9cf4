package io.hallows.dsl.impl.ast;

import java.util.List;

/** An expression. Parentheses leave no node: {@code (a + b)} is the {@link Binary} itself. */
public sealed interface Expr extends Node {
    /** Binary operators, from the loosest binding to the tightest. */
    enum BinaryOp {
        OR("or"), AND("and"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        ADD("+"), SUB("-"),
        MUL("*"), DIV("/"), MOD("%");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in source. */
        public String symbol() {
            return symbol;
        }
    }

    /** Unary operators: {@code -x} and {@code not x}. */
    enum UnaryOp {
        NEG, NOT
    }

    /** {@code 42}, {@code 1_000}: a signed 64-bit integer. */
    record IntLit(Position pos, long value) implements Expr {
    }

    /** {@code 1.5e3} */
    record FloatLit(Position pos, double value) implements Expr {
    }

    /** {@code "tax\n"}, with escapes already decoded in {@code value}. */
    record StringLit(Position pos, String value) implements Expr {
    }

    /** {@code true} or {@code false} */
    record BoolLit(Position pos, boolean value) implements Expr {
    }

    /** {@code none}: the empty Option. */
    record NoneLit(Position pos) implements Expr {
    }

    /** {@code some(expr)}: a present Option. */
    record SomeExpr(Position pos, Expr value) implements Expr {
    }

    /** A variable, parameter, state, operation, function or imported service name. */
    record Name(Position pos, String name) implements Expr {
    }

    /** {@code Order { sku: "a", qty: 1 }} */
    record ModelLiteral(Position pos, String type, List<FieldInit> fields) implements Expr {
        public ModelLiteral {
            fields = List.copyOf(fields);
        }
    }

    /** {@code [1, 2, 3]} */
    record ListLiteral(Position pos, List<Expr> elements) implements Expr {
        public ListLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {"apple": 120}}; {@code {}} is the empty map. */
    record MapLiteral(Position pos, List<MapEntry> entries) implements Expr {
        public MapLiteral {
            entries = List.copyOf(entries);
        }
    }

    /** {@code left op right}; {@code opPos} is where the operator is, for messages about it. */
    record Binary(Position pos, BinaryOp op, Position opPos, Expr left, Expr right) implements Expr {
    }

    /** {@code -x} or {@code not x}, positioned at the operator. */
    record Unary(Position pos, UnaryOp op, Expr operand) implements Expr {
    }

    /** {@code callee(args)}: a function, an operation of this service, or any callable expression. */
    record Call(Position pos, Expr callee, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code receiver.name}; {@code namePos} is where the field name is. */
    record FieldAccess(Position pos, Expr receiver, String name, Position namePos) implements Expr {
    }

    /** {@code receiver.name(args)}: a method, or an operation of an imported service. */
    record MethodCall(Position pos, Expr receiver, String name, Position namePos, List<Expr> args) implements Expr {
        public MethodCall {
            args = List.copyOf(args);
        }
    }

    /**
     * {@code sql<Product>("SELECT … WHERE id = $1", id)}: a raw query of the OLTP database whose
     * rows are {@code type} values. The parser makes one only for {@code sql<}.
     */
    record SqlQuery(Position pos, TypeRef type, List<Expr> args) implements Expr {
        public SqlQuery {
            args = List.copyOf(args);
        }
    }

    /** {@code target[index]} */
    record Index(Position pos, Expr target, Expr index) implements Expr {
    }
}
