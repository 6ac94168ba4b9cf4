package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Expr.BinaryOp;

/**
 * The typing of binary operators. There are no implicit conversions: {@code + - * / %} take two
 * Ints or two Floats, {@code +} also two Strings; {@code and}, {@code or} two Bools; {@code ==} and
 * {@code !=} two values of the same type; {@code < <= > >=} two Ints, Floats or Strings.
 */
final class Operators {
    private Operators() {
    }

    static Type type(Expr.Binary b, Type left, Type right, Facts facts) {
        BinaryOp op = b.op();
        boolean unknown = left instanceof Type.Unknown || right instanceof Type.Unknown;
        String problem = null;
        Type result;
        switch (op) {
            case AND, OR -> {
                result = Type.BOOL;
                if (!unknown && (left != Type.BOOL || right != Type.BOOL)) {
                    problem = "'" + op.symbol() + "' takes two Bools, found " + pair(left, right);
                }
            }
            case EQ, NE -> {
                result = Type.BOOL;
                if (!Type.matches(left, right)) {
                    problem = "'" + op.symbol() + "' compares two values of the same type, found " + pair(left, right)
                            + conversionHint(left, right);
                }
            }
            case LT, LE, GT, GE -> {
                result = Type.BOOL;
                if (!unknown && (!left.equals(right) || !ordered(left))) {
                    problem = "'" + op.symbol() + "' compares two Ints, two Floats or two Strings, found " + pair(left, right)
                            + conversionHint(left, right);
                }
            }
            default -> {
                boolean numbers = left.equals(right) && (left == Type.INT || left == Type.FLOAT);
                boolean strings = op == BinaryOp.ADD && left == Type.STRING && right == Type.STRING;
                Type known = left instanceof Type.Unknown ? right : left;
                if (unknown) {
                    result = known == Type.INT || known == Type.FLOAT || known == Type.STRING && op == BinaryOp.ADD
                            ? known : Type.UNKNOWN;
                } else if (numbers || strings) {
                    result = left;
                } else {
                    problem = arithmeticProblem(op, left, right);
                    result = Type.UNKNOWN;
                }
            }
        }
        if (problem != null) {
            facts.error(b.opPos(), CheckCode.BAD_OPERANDS, problem);
        }
        return result;
    }

    private static String arithmeticProblem(BinaryOp op, Type left, Type right) {
        if (op == BinaryOp.ADD && (left == Type.STRING || right == Type.STRING)) {
            return "'+' joins two Strings, found " + pair(left, right) + "; convert the other with str(...)";
        }
        return "'" + op.symbol() + "' takes two Ints or two Floats" + (op == BinaryOp.ADD ? " (or two Strings)" : "")
                + ", found " + pair(left, right) + conversionHint(left, right);
    }

    private static String conversionHint(Type left, Type right) {
        boolean mixed = left == Type.INT && right == Type.FLOAT || left == Type.FLOAT && right == Type.INT;
        return mixed ? "; there is no implicit conversion: use float(i) or int(f)" : "";
    }

    private static boolean ordered(Type t) {
        return t == Type.INT || t == Type.FLOAT || t == Type.STRING;
    }

    private static String pair(Type left, Type right) {
        return left.display() + " and " + right.display();
    }
}
