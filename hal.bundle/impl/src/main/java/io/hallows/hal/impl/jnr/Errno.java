package io.hallows.hal.impl.jnr;

import java.util.Map;

/** Linux errno values (the same on every architecture the native HAL supports) by name and meaning. */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EBADF = 9;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int ENOSYS = 38;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM (operation not permitted)"),
            Map.entry(ENOENT, "ENOENT (no such file or directory)"),
            Map.entry(ESRCH, "ESRCH (no such process or thread)"),
            Map.entry(4, "EINTR (interrupted)"),
            Map.entry(5, "EIO (input/output error)"),
            Map.entry(EBADF, "EBADF (bad file descriptor)"),
            Map.entry(11, "EAGAIN (try again)"),
            Map.entry(ENOMEM, "ENOMEM (out of memory)"),
            Map.entry(EACCES, "EACCES (permission denied)"),
            Map.entry(14, "EFAULT (bad address)"),
            Map.entry(16, "EBUSY (busy)"),
            Map.entry(19, "ENODEV (no such device)"),
            Map.entry(EINVAL, "EINVAL (invalid argument)"),
            Map.entry(24, "EMFILE (too many open files)"),
            Map.entry(ENOSYS, "ENOSYS (function not implemented)"),
            Map.entry(95, "EOPNOTSUPP (operation not supported)"));

    private Errno() {
    }

    /** "EPERM (operation not permitted)", or "errno 123" for a value not in the table. */
    public static String describe(int errno) {
        return NAMES.getOrDefault(errno, "errno " + errno);
    }

    /** "sched_setaffinity(2): EPERM (operation not permitted)", with "; " and the hint when there is one. */
    public static String failure(String call, int errno, String hint) {
        return call + ": " + describe(errno) + (hint == null ? "" : "; " + hint);
    }
}
