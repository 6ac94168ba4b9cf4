package io.hallows.kernel.impl.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition's loop thread seen busy with one unit of work for longer than the partition's
 * watchdog bound, with the stack it had when the watchdog looked.
 *
 * @param thread     the thread's name
 * @param role       what it does (its framework's word, e.g. {@code vertx-eventloop})
 * @param busyMillis how long its current unit of work had been running
 * @param at         when the watchdog saw it
 * @param stack      its stack then, innermost frame first
 */
record Stall(String thread, String role, long busyMillis, Instant at, StackTraceElement[] stack) {
    /** Frames of the thread's own code shown in the one-line summary, below its top frame. */
    private static final int OWN_FRAMES = 2;

    /**
     * One line for the audit log: who, how long, and where it was: its top frame, then its first
     * frames outside the JDK (a stalled loop is usually parked or sleeping inside the JDK, on
     * behalf of the code that matters), "..." marking frames left out.
     */
    String summary() {
        if (stack.length == 0) {
            return "thread " + thread + " busy for " + busyMillis + " ms: (no stack)";
        }
        List<String> shown = new ArrayList<>(List.of(stack[0].toString()));
        int last = 0;
        for (int i = 1; i < stack.length && shown.size() <= OWN_FRAMES; i++) {
            if (!isJdk(stack[i])) {
                shown.add((i > last + 1 ? "... < " : "") + stack[i]);
                last = i;
            }
        }
        return "thread " + thread + " busy for " + busyMillis + " ms: " + String.join(" < ", shown);
    }

    private static boolean isJdk(StackTraceElement frame) {
        String module = frame.getModuleName();
        return module != null && (module.startsWith("java.") || module.startsWith("jdk."));
    }

    /** The whole of it, for {@code hallows:stats}: who, role, how long, when, and every frame. */
    String describe() {
        StringBuilder out = new StringBuilder("thread " + thread + " (" + role + ") busy for " + busyMillis + " ms at " + at);
        for (StackTraceElement frame : stack) {
            out.append("\n\tat ").append(frame);
        }
        return out.toString();
    }

    /** The stack as a throwable, so that a log shows it as it shows an exception's (Vert.x does the same). */
    Throwable asTrace() {
        Throwable trace = new Throwable("thread " + thread + " (" + role + ") blocked for " + busyMillis + " ms");
        trace.setStackTrace(stack);
        return trace;
    }
}
