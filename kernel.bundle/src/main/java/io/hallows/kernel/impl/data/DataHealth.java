package io.hallows.kernel.impl.data;

import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second: forces the audit log to disk and looks at the data area. A change of health is
 * said loudly, once (ERROR in the log, shown on the console; an audit entry), and the current
 * problem is there for {@code hallows:data} and the ready line. One job: it notices and reports.
 */
public final class DataHealth implements AutoCloseable {
    /** How often the audit log is forced and the data area looked at. */
    public static final long PERIOD_MS = 1_000;
    private static final KernelLogger LOG = KernelLog.of(DataHealth.class);

    private final DataFolder folder;
    private final AuditJournal audit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hallows-data");
        t.setDaemon(true);
        return t;
    });
    private volatile String problem;

    public DataHealth(DataFolder folder, AuditJournal audit) {
        this.folder = folder;
        this.audit = audit;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Looks now (also what the timer runs). */
    public synchronized void check() {
        audit.force();
        // Both are looked at every time: a data area deleted and made again must not hide a dead audit file.
        String folderProblem = folder.problem();
        String auditProblem = audit.problem();
        String now = folderProblem == null ? auditProblem : auditProblem == null ? folderProblem : folderProblem + "; " + auditProblem;
        String before = problem;
        problem = now;
        if (!Objects.equals(before, now)) {
            if (now != null) {
                LOG.error(now);
                audit.record("kernel", "data.problem", folder.root().toString(), now);
            } else {
                LOG.info("data area " + folder.root() + " is healthy again");
                audit.record("kernel", "data.healthy", folder.root().toString(), "the data area is healthy again");
            }
        }
    }

    /** The data area's folder. */
    public DataFolder folder() {
        return folder;
    }

    /** What was wrong at the last look, or null. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        audit.force();
    }
}
