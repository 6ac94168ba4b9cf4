package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One audit line about pinning a partition's workers: how many got what was asked, and why not the others. */
final class PinReport {
    private PinReport() {
    }

    static String of(CpuSet asked, List<Outcome<CpuSet>> outcomes) {
        long exact = outcomes.stream().filter(o -> o.isSupported() && o.value().equals(asked)).count();
        Set<String> others = new LinkedHashSet<>();
        for (Outcome<CpuSet> o : outcomes) {
            if (!o.isSupported()) {
                others.add("not pinned: " + o.reason());
            } else if (!o.value().equals(asked)) {
                others.add("got " + o.value() + " (the process may not use all of " + asked + ")");
            }
        }
        return exact + " of " + outcomes.size() + " running workers pinned to " + asked
                + (others.isEmpty() ? "" : "; " + String.join("; ", others));
    }
}
