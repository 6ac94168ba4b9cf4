package io.hallows.hal.impl.jnr;

import java.util.Locale;

/**
 * What differs between Linux architectures for the native HAL: syscall numbers (x86-64 has its
 * own table; AArch64 and RISC-V share the kernel's generic one) and the {@code MCL_*} flags of
 * mlockall (generic except on PowerPC, SPARC and Alpha). On an architecture not listed here the
 * HAL takes the thread id from /proc and reports perf counters and memory locking as unsupported,
 * rather than guess numbers.
 *
 * @param name          the architecture's kernel name
 * @param gettid        {@code SYS_gettid}, or -1 when unknown
 * @param perfEventOpen {@code SYS_perf_event_open}, or -1 when unknown
 * @param mlockallFlags {@code MCL_CURRENT | MCL_FUTURE}, or 0 when unknown
 */
public record LinuxArch(String name, long gettid, long perfEventOpen, int mlockallFlags) {
    public static final LinuxArch X86_64 = new LinuxArch("x86_64", 186, 298, 1 | 2);
    public static final LinuxArch AARCH64 = new LinuxArch("aarch64", 178, 241, 1 | 2);
    public static final LinuxArch RISCV64 = new LinuxArch("riscv64", 178, 241, 1 | 2);

    /** The architecture for a JVM {@code os.arch} value. */
    public static LinuxArch of(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            case "riscv64" -> RISCV64;
            default -> new LinuxArch(osArch, -1, -1, 0);
        };
    }

    public static LinuxArch current() {
        return of(System.getProperty("os.arch"));
    }

    /** Why a call with an unknown number is not made, for reasons shown to the operator. */
    String unknown(String what) {
        return what + " for " + name + ": not known to Hallows (known: x86_64, aarch64, riscv64)";
    }
}
