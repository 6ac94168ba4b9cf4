package io.hallows.hal.api;

/** How a HAL call was, or would be, answered on this machine. */
public enum Support {
    /** Through the operating system's own call, via JNR-FFI. */
    NATIVE,
    /** Through a pure-Java path (files under /proc and /sys, the JDK's clocks). */
    PORTABLE,
    /** Not available here; the outcome carries the reason. */
    UNSUPPORTED;

    /** The lowercase label shown by the shell. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
