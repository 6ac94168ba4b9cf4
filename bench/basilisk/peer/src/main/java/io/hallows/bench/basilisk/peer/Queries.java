package io.hallows.bench.basilisk.peer;

/** TechEmpower's rule for the {@code queries} parameter of the multiple-query and update tests. */
final class Queries {

    private Queries() {
    }

    /** 1 when absent or not an integer, else the value clamped to 1..500. */
    static int count(String parameter) {
        if (parameter == null) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(500, Integer.parseInt(parameter.trim())));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
