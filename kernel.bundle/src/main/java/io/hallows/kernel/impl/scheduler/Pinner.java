package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Outcome;
import io.hallows.kernel.impl.hal.HalBinding;

/**
 * Binds a partition's threads (its workers, and the loop threads it owns) to its cpus: the calling
 * thread as it starts, or a running one by its thread id when the HAL arrives late or the
 * partition's cpus change.
 */
public interface Pinner {
    /** For runtimes without a HAL (unit tests): nothing is pinned, and the outcome says so. */
    Pinner NONE = new Pinner() {
        @Override
        public Outcome<CpuSet> pinCurrent(CpuSet cpus) {
            return Outcome.unsupported("this runtime has no HAL");
        }

        @Override
        public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
            return Outcome.unsupported("this runtime has no HAL");
        }
    };

    Outcome<CpuSet> pinCurrent(CpuSet cpus);

    Outcome<CpuSet> pin(long tid, CpuSet cpus);

    /** Pins through {@code binding}'s current HAL, whichever it is when a worker starts. */
    static Pinner through(HalBinding binding) {
        return new Pinner() {
            @Override
            public Outcome<CpuSet> pinCurrent(CpuSet cpus) {
                return binding.pinCurrent(cpus);
            }

            @Override
            public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
                return binding.hal().map(h -> HalBinding.pin(h, tid, cpus))
                        .orElseGet(() -> Outcome.unsupported("no HAL service (hal.bundle is not running)"));
            }
        };
    }

    /** Pins through one given HAL (benchmarks on a plain class path). */
    static Pinner with(Hal hal) {
        return new Pinner() {
            @Override
            public Outcome<CpuSet> pinCurrent(CpuSet cpus) {
                return hal.pin(cpus);
            }

            @Override
            public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
                return HalBinding.pin(hal, tid, cpus);
            }
        };
    }
}
