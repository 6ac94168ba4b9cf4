package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import io.hallows.sql.api.SqlException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.DateString;

/**
 * Compiles Calcite row expressions over an input of known physical types into {@link Expr}s.
 * Subexpressions without column references are evaluated once here (constant folding), so a
 * filter such as {@code l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY} reaches the scan
 * as a comparison with a constant, which chunk skipping can use.
 */
public final class ExprCompiler {
    private static final Batch ONE_ROW = new Batch(new Vec[0], 1);

    private final RexBuilder rexBuilder;
    private final List<Type> input;

    public ExprCompiler(RexBuilder rexBuilder, List<Type> input) {
        this.rexBuilder = rexBuilder;
        this.input = List.copyOf(input);
    }

    public List<Expr> compile(List<RexNode> nodes) {
        List<Expr> out = new ArrayList<>(nodes.size());
        for (RexNode n : nodes) {
            out.add(compile(n));
        }
        return out;
    }

    public Expr compile(RexNode node) {
        if (node instanceof RexInputRef r) {
            return new ColRef(r.getIndex(), input.get(r.getIndex()));
        }
        if (node instanceof RexLiteral l) {
            return literal(l);
        }
        if (!(node instanceof RexCall call)) {
            throw new SqlException("0A000", "expression " + node + " is not supported by the OLAP engine");
        }
        if (call.getKind() == SqlKind.SEARCH) {
            return compile(RexUtil.expandSearch(rexBuilder, null, call));
        }
        Expr e = call(call);
        return fold(e);
    }

    /** An expression whose leaves are all constants, evaluated now. */
    static Expr fold(Expr e) {
        if (e instanceof Const || e.children().isEmpty()) {
            return e;
        }
        for (Expr c : e.children()) {
            if (!(c instanceof Const)) {
                return e;
            }
        }
        return Const.of(e.type(), e.eval(ONE_ROW));
    }

    private Expr call(RexCall call) {
        List<RexNode> ops = call.getOperands();
        SqlKind kind = call.getKind();
        switch (kind) {
            case PLUS, MINUS: {
                RelDataType lt = ops.get(0).getType();
                RelDataType rt = ops.get(1).getType();
                int sign = kind == SqlKind.PLUS ? 1 : -1;
                if (isInterval(rt)) {
                    return new Dates.AddInterval(compile(ops.get(0)), interval(ops.get(1)), isMonths(rt), sign);
                }
                if (isInterval(lt) && kind == SqlKind.PLUS) {
                    return new Dates.AddInterval(compile(ops.get(1)), interval(ops.get(0)), isMonths(lt), 1);
                }
                return new Arith(kind == SqlKind.PLUS ? Arith.Op.ADD : Arith.Op.SUB, compile(ops.get(0)), compile(ops.get(1)));
            }
            case TIMES:
                return new Arith(Arith.Op.MUL, compile(ops.get(0)), compile(ops.get(1)));
            case DIVIDE:
                return new Arith(Arith.Op.DIV, compile(ops.get(0)), compile(ops.get(1)));
            case MINUS_PREFIX:
                return new Arith(Arith.Op.SUB, new Const(Type.INT, 0L), compile(ops.get(0)));
            case PLUS_PREFIX:
                return compile(ops.get(0));
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL:
                return new Compare(compareOp(kind), compile(ops.get(0)), compile(ops.get(1)));
            case IS_NOT_DISTINCT_FROM, IS_DISTINCT_FROM: {
                Expr a = compile(ops.get(0));
                Expr b = compile(ops.get(1));
                Expr same = new Logic(Logic.Op.OR, List.of(
                        new Logic(Logic.Op.IS_TRUE, List.of(new Compare(Compare.Op.EQ, a, b))),
                        new Logic(Logic.Op.AND, List.of(new Logic(Logic.Op.IS_NULL, List.of(a)), new Logic(Logic.Op.IS_NULL, List.of(b))))));
                return kind == SqlKind.IS_NOT_DISTINCT_FROM ? same : new Logic(Logic.Op.NOT, List.of(same));
            }
            case AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE:
                return new Logic(Logic.Op.valueOf(kind.name()), compile(ops));
            case CAST: {
                Expr in = compile(ops.get(0));
                Type to = Types.of(call.getType());
                if (isInterval(call.getType())) {
                    return in;
                }
                return in.type().equals(to) ? in : new Cast(in, to);
            }
            case CASE: {
                List<Expr> conds = new ArrayList<>();
                List<Expr> values = new ArrayList<>();
                for (int i = 0; i + 1 < ops.size(); i += 2) {
                    conds.add(compile(ops.get(i)));
                    values.add(compile(ops.get(i + 1)));
                }
                values.add(compile(ops.get(ops.size() - 1)));
                Type t = unified(values, call.getType());
                return Choice.caseWhen(conds, castAll(values, t), t);
            }
            case COALESCE: {
                List<Expr> values = compile(ops);
                Type t = unified(values, call.getType());
                return Choice.coalesce(castAll(values, t), t);
            }
            case LIKE: {
                if (!(ops.get(1) instanceof RexLiteral p)) {
                    throw new SqlException("0A000", "LIKE with a pattern that is not a constant is not supported by the OLAP engine");
                }
                boolean negated = call.getOperator() instanceof SqlLikeOperator l && l.isNegated();
                return new Like(compile(ops.get(0)), p.getValueAs(String.class), negated);
            }
            case EXTRACT: {
                TimeUnitRange unit = ((RexLiteral) ops.get(0)).getValueAs(TimeUnitRange.class);
                if (unit != TimeUnitRange.YEAR && unit != TimeUnitRange.MONTH && unit != TimeUnitRange.DAY) {
                    throw new SqlException("0A000", "EXTRACT(" + unit + ") is not supported by the OLAP engine");
                }
                return new Dates.Extract(unit.name(), compile(ops.get(1)));
            }
            default:
                break;
        }
        String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
        if (name.equals("DATE") && ops.size() == 1) {
            return castTo(compile(ops.get(0)), Type.DATE);
        }
        if (name.equals("SUBSTRING") || name.equals("SUBSTR")) {
            Expr start = compile(ops.get(1));
            Expr len = ops.size() > 2 ? compile(ops.get(2)) : null;
            if (!(start instanceof Const s) || len != null && !(len instanceof Const)) {
                throw new SqlException("0A000", "SUBSTRING with bounds that are not constants is not supported by the OLAP engine");
            }
            return new Substring(compile(ops.get(0)), s.longValue(), len == null ? -1 : ((Const) len).longValue());
        }
        throw new SqlException("0A000", "function " + call.getOperator().getName() + " is not supported by the OLAP engine");
    }

    /** {@code e} as {@code t}: itself when it already is, else a (folded) cast. */
    public Expr castTo(Expr e, Type t) {
        if (e.type().equals(t)) {
            return e;
        }
        return e instanceof Const c && c.isNull() ? new Const(t, null) : fold(new Cast(e, t));
    }

    private static Type unified(List<Expr> values, RelDataType calcite) {
        List<Type> types = new ArrayList<>();
        for (Expr v : values) {
            if (!(v instanceof Const c && c.isNull())) {
                types.add(v.type());
            }
        }
        return Types.unify(types, Types.of(calcite));
    }

    private static List<Expr> castAll(List<Expr> values, Type t) {
        List<Expr> out = new ArrayList<>();
        for (Expr v : values) {
            if (v instanceof Const c && c.isNull()) {
                out.add(new Const(t, null));
            } else {
                out.add(v.type().equals(t) ? v : fold(new Cast(v, t)));
            }
        }
        return out;
    }

    private static Compare.Op compareOp(SqlKind k) {
        return switch (k) {
            case EQUALS -> Compare.Op.EQ;
            case NOT_EQUALS -> Compare.Op.NE;
            case LESS_THAN -> Compare.Op.LT;
            case LESS_THAN_OR_EQUAL -> Compare.Op.LE;
            case GREATER_THAN -> Compare.Op.GT;
            default -> Compare.Op.GE;
        };
    }

    private static boolean isInterval(RelDataType t) {
        SqlTypeFamily f = t.getSqlTypeName().getFamily();
        return f == SqlTypeFamily.INTERVAL_DAY_TIME || f == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    }

    private static boolean isMonths(RelDataType t) {
        return t.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    }

    /** An interval operand as months or whole days. */
    private Expr interval(RexNode node) {
        if (node instanceof RexLiteral l) {
            BigDecimal v = l.getValueAs(BigDecimal.class);
            long amount = isMonths(l.getType()) ? v.longValueExact() : v.divide(BigDecimal.valueOf(86_400_000L)).longValue();
            return new Const(Type.BIGINT, amount);
        }
        throw new SqlException("0A000", "interval expressions other than literals are not supported by the OLAP engine");
    }

    private static Const literal(RexLiteral l) {
        Type t = Types.of(l.getType());
        if (l.isNull()) {
            return new Const(t, null);
        }
        return switch (t.kind()) {
            case DECIMAL -> new Const(t, l.getValueAs(BigDecimal.class).setScale(t.scale(), java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact());
            case INT, BIGINT -> new Const(t, l.getValueAs(BigDecimal.class).longValueExact());
            case DOUBLE -> new Const(t, l.getValueAs(Double.class));
            // Calcite pads CHAR literals to a common length (CASE 'low' … 'high'): PostgreSQL's
            // literals are text, so the padding goes.
            case VARCHAR -> new Const(t, l.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.CHAR
                    ? l.getValueAs(String.class).stripTrailing() : l.getValueAs(String.class));
            case DATE -> new Const(t, (long) l.getValueAs(DateString.class).getDaysSinceEpoch());
            case BOOLEAN -> new Const(t, Boolean.TRUE.equals(l.getValueAs(Boolean.class)) ? 1L : 0L);
        };
    }

}
