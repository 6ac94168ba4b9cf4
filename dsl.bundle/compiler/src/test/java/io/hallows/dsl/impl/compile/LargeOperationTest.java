package io.hallows.dsl.impl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operation of thousands of statements compiles (javac refuses a method of more than 64 KiB of
 * bytecode, so the generator splits it into parts) and behaves as written: locals declared in one
 * part are read and assigned in later ones, a {@code return} in the middle returns from the
 * operation, a copy-on-write variable updated from a local sees the local's value, a large
 * subscription runs whole, and a small operation's code stays one method.
 */
class LargeOperationTest {
    private static final int STATEMENTS = 5_000;
    private static final int EARLY = 2_501;

    private static final int TOUCHES = 1_500;
    /** Shared: compiling 5,000 statements takes javac seconds; it is done once. */
    private static final Modules MODULES = new Modules().add(source());

    /** The module's source; its expected results are computed by {@link #sum} and {@link #touch}. */
    private static String source() {
        StringBuilder s = new StringBuilder("""
                module big version "1.0.0";

                service Big {
                    let_cow_var hits: Int = 0;
                    let_reactive_var level: Int = 0;

                    op setLevel(v: Int) {
                        level = v;
                    }

                    op small(n: Int): Int {
                        return n + 1;
                    }

                    op hitCount(): Int {
                        return hits;
                    }

                    op sum(n: Int): Int {
                        var a = n;
                        let b = n * 2;
                        var total = 0;
                """);
        for (int i = 0; i < STATEMENTS; i++) {
            s.append("        ").append(switch (i % 4) {
                case 0 -> "a = a + 1 + total % 3;";
                case 1 -> "total = total + a * 3 - b;";
                case 2 -> "let c" + i + " = a % 10 + 1;";
                default -> "total = total + c" + (i - 1) + " * 2;";
            }).append('\n');
            if (i % 1_000 == 500) {
                s.append("        var k").append(i).append(" = 0;\n        while k").append(i).append(" < 3 {\n            total = total + k")
                        .append(i).append(";\n            k").append(i).append(" = k").append(i).append(" + 1;\n        }\n");
            }
            if (i == EARLY) {
                s.append("        if n > 1000 {\n            return a * 1000 + total % 1000;\n        }\n");
            }
        }
        s.append("        return total + a + b + c2;\n    }\n\n    op touch(n: Int) {\n        var x = n;\n");
        for (int i = 0; i < TOUCHES; i++) {
            s.append(i % 2 == 0 ? "        x = x + 1;\n" : "        hits = hits + x;\n");
        }
        s.append("    }\n\n    on level changed {\n        var y = level;\n");
        for (int i = 0; i < TOUCHES; i++) {
            s.append("        y = y + 1;\n");
        }
        return s.append("        log(\"y \" + str(y));\n    }\n}\n").toString();
    }

    /** What {@code sum(n)} computes, statement by statement. */
    private static long sum(long n) {
        long a = n;
        long b = n * 2;
        long total = 0;
        long c2 = 0;
        long c = 0;
        for (int i = 0; i < STATEMENTS; i++) {
            switch (i % 4) {
                case 0 -> a = a + 1 + total % 3;
                case 1 -> total = total + a * 3 - b;
                case 2 -> c = a % 10 + 1;
                default -> total = total + c * 2;
            }
            if (i == 2) {
                c2 = c;
            }
            if (i % 1_000 == 500) {
                total = total + 0 + 1 + 2;
            }
            if (i == EARLY && n > 1000) {
                return a * 1000 + total % 1000;
            }
        }
        return total + a + b + c2;
    }

    private static long touch(long n, long hits) {
        long x = n;
        for (int i = 0; i < TOUCHES; i++) {
            if (i % 2 == 0) {
                x = x + 1;
            } else {
                hits = hits + x;
            }
        }
        return hits;
    }

    @Test
    void aLargeOperationCompilesAndComputesWhatItSays() {
        Modules.Running big = MODULES.start("big", new TestStore(), Map.of());
        assertEquals(sum(7), big.call("Big", "sum", 7L));
        assertEquals(sum(0), big.call("Big", "sum", 0L));
        assertEquals(sum(5_000), big.call("Big", "sum", 5_000L), "the return in the middle returns from the operation");
        assertEquals(6L, big.call("Big", "small", 5L));
        big.call("Big", "touch", 3L);
        big.call("Big", "touch", 10L);
        assertEquals(touch(10, touch(3, 0)), big.call("Big", "hitCount"));
        big.call("Big", "setLevel", 4L);
        assertTrue(big.context.logs.contains("y " + (4 + TOUCHES)), "a large subscription runs whole: " + big.context.logs);
    }

    @Test
    void onlyALargeBodyIsSplit() {
        String impl = MODULES.compile("big").javaSource().get("pt/big/impl/BigImpl.java");
        assertTrue(impl.contains("private long sum$part2(sum$locals $l)"), "sum is split");
        assertTrue(impl.contains("private void touch$part2(touch$locals $l)"), "touch is split");
        assertTrue(impl.contains("private void on$level$1$part2(on$level$1$locals $l)"), "the subscription is split");
        assertFalse(impl.contains("small$part") || impl.contains("hitCount$part"), "small bodies stay whole");
        String holder = impl.substring(impl.indexOf("class sum$locals {"), impl.indexOf("}", impl.indexOf("class sum$locals {")));
        assertTrue(holder.contains("long total;") && holder.contains("long c2;"), "locals used across parts are shared: " + holder);
        assertTrue(holder.lines().count() < STATEMENTS / 40, "a local used in its own part only stays a Java local: " + holder);
        assertTrue(impl.contains("public long small(long n) {\n        return io.hallows.dsl.runtime.PtMath.add(n, 1L);\n    }"), impl.substring(0, 2_000));
    }
}
