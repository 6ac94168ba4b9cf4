package io.hallows.hal.impl.portable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc} says about this process and its threads. {@code /proc/thread-self} is the
 * calling thread's own directory (Linux 3.17+); {@code /proc/self/task/<tid>} any thread's.
 */
public final class ProcFiles {
    public static final Path THREAD_SELF = Path.of("/proc/thread-self");
    public static final Path SELF = Path.of("/proc/self");
    /** {@code processor} is field 39 of a stat line (fields numbered from 1, {@code (comm)} being field 2). */
    private static final int PROCESSOR_FIELD = 39;

    private ProcFiles() {
    }

    /** The calling thread's kernel id, from the link {@code /proc/thread-self -> <pid>/task/<tid>}. */
    public static long threadId() throws IOException {
        String target = Files.readSymbolicLink(THREAD_SELF).toString();
        int slash = target.lastIndexOf('/');
        try {
            return Long.parseLong(target.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IOException(THREAD_SELF + " links to '" + target + "', not <pid>/task/<tid>");
        }
    }

    /** {@code /proc/self/task/<tid>}, the directory of thread {@code tid} of this process. */
    public static Path task(long tid) {
        return SELF.resolve("task").resolve(Long.toString(tid));
    }

    /** Whether {@code tid} is a thread of this process now. */
    public static boolean isThreadOfThisProcess(long tid) {
        return tid > 0 && Files.isDirectory(task(tid));
    }

    /** The value of {@code key:} in a status file ({@code /proc/.../status}), trimmed. */
    public static Optional<String> statusField(Path status, String key) throws IOException {
        return statusField(Files.readString(status), key);
    }

    static Optional<String> statusField(String status, String key) {
        String prefix = key + ":";
        for (String line : status.split("\n")) {
            if (line.startsWith(prefix)) {
                return Optional.of(line.substring(prefix.length()).strip());
            }
        }
        return Optional.empty();
    }

    /** The cpu the calling thread last ran on: field 39 of {@code /proc/thread-self/stat}. */
    public static int currentCpu() throws IOException {
        return processor(Files.readString(THREAD_SELF.resolve("stat")));
    }

    /**
     * Field 39 of a stat line. Field 2 is {@code (comm)}, and a thread's name may hold spaces and
     * parentheses, so fields are counted after the last {@code ')'}.
     */
    static int processor(String stat) throws IOException {
        int close = stat.lastIndexOf(')');
        String[] fields = stat.substring(close + 1).strip().split("\\s+"); // fields[0] is field 3
        int at = PROCESSOR_FIELD - 3;
        if (close < 0 || fields.length <= at) {
            throw new IOException("stat line without field " + PROCESSOR_FIELD + ": '" + stat.strip() + "'");
        }
        try {
            return Integer.parseInt(fields[at]);
        } catch (NumberFormatException e) {
            throw new IOException("field " + PROCESSOR_FIELD + " of the stat line is '" + fields[at] + "', not a cpu");
        }
    }

    /** The soft RLIMIT_MEMLOCK as {@code /proc/self/limits} says it ("8388608 bytes", "unlimited"). */
    public static String lockedMemoryLimit() {
        try {
            return lockedMemoryLimit(Files.readString(SELF.resolve("limits")));
        } catch (IOException e) {
            return "unknown (" + SELF.resolve("limits") + " unreadable)";
        }
    }

    static String lockedMemoryLimit(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max locked memory")) {
                String[] columns = line.substring("Max locked memory".length()).strip().split("\\s+");
                return columns[0].equals("unlimited") || columns.length < 3 ? columns[0] : columns[0] + " " + columns[2];
            }
        }
        return "unknown (no 'Max locked memory' in " + SELF.resolve("limits") + ")";
    }

    /** Whether the process holds CAP_IPC_LOCK (bit 14 of CapEff), which lifts RLIMIT_MEMLOCK. */
    public static boolean holdsIpcLock() {
        try {
            String caps = statusField(SELF.resolve("status"), "CapEff").orElse("0");
            return (Long.parseUnsignedLong(caps, 16) & (1L << 14)) != 0;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
