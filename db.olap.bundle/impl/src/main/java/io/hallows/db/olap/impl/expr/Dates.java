package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import java.time.LocalDate;
import java.util.List;

/** Date functions on days since 1970-01-01: EXTRACT(YEAR|MONTH|DAY) and adding an interval. */
public final class Dates {
    private Dates() {}

    /** EXTRACT of a field of a DATE, as BIGINT. */
    public record Extract(String field, Expr in) implements Expr {
        @Override
        public Type type() {
            return Type.BIGINT;
        }

        @Override
        public List<Expr> children() {
            return List.of(in);
        }

        @Override
        public Vec eval(Batch b) {
            int n = b.n();
            LongVec v = (LongVec) in.eval(b);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = field(v.v[i]);
            }
            return new LongVec(out, v.nulls);
        }

        private long field(long days) {
            // Howard Hinnant's civil_from_days: no LocalDate per row.
            long z = days + 719468;
            long era = Math.floorDiv(z, 146097);
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            long d = doy - (153 * mp + 2) / 5 + 1;
            long m = mp < 10 ? mp + 3 : mp - 9;
            long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
            return switch (field) {
                case "YEAR" -> y;
                case "MONTH" -> m;
                default -> d;
            };
        }

        @Override
        public String toString() {
            return "EXTRACT(" + field + " FROM " + in + ")";
        }
    }

    /**
     * DATE plus {@code amount} months (a year-month interval) or days (a day-time interval); a
     * month past the end of the shorter month clamps to its last day, as PostgreSQL does.
     */
    public record AddInterval(Expr date, Expr amount, boolean months, int sign) implements Expr {
        @Override
        public Type type() {
            return Type.DATE;
        }

        @Override
        public List<Expr> children() {
            return List.of(date, amount);
        }

        @Override
        public Vec eval(Batch b) {
            int n = b.n();
            LongVec d = (LongVec) date.eval(b);
            LongVec a = (LongVec) amount.eval(b);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                long x = sign * a.v[i];
                out[i] = months ? LocalDate.ofEpochDay(d.v[i]).plusMonths(x).toEpochDay() : d.v[i] + x;
            }
            return new LongVec(out, Vec.orNulls(d.nulls, a.nulls, n));
        }

        @Override
        public String toString() {
            return date + (sign > 0 ? " + " : " - ") + amount + (months ? " months" : " days");
        }
    }
}
