package io.hallows.run.it.oltp;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients moving money between the bank's accounts until their connection dies (the stack was
 * killed) or {@link #stop()}. A transfer is acknowledged when its commit returned: only those
 * are recorded, and every one of them must survive a crash.
 */
final class BankLoad {
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId;
    private final LongAdder retried = new LongAdder();
    private final AtomicReference<Throwable> unexpected = new AtomicReference<>();
    private final CountDownLatch warm;
    private volatile boolean stopping;
    private final Thread[] clients;

    /**
     * @param firstId the first transfer id (rounds use disjoint ranges)
     * @param warmAfter acknowledged transfers after which {@link #awaitWarm} returns
     */
    BankLoad(StackProcess stack, int clients, long firstId, int warmAfter, int isolation) {
        this.nextId = new AtomicLong(firstId);
        this.warm = new CountDownLatch(warmAfter);
        this.clients = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            long seed = firstId + i;
            this.clients[i] = new Thread(() -> run(stack, seed, isolation), "bank-client-" + i);
        }
    }

    void start() {
        for (Thread t : clients) {
            t.start();
        }
    }

    boolean awaitWarm(long seconds) throws InterruptedException {
        return warm.await(seconds, TimeUnit.SECONDS);
    }

    void stop() {
        stopping = true;
    }

    /** Waits for every client to end; rethrows the first unexpected failure. */
    void join() throws Throwable {
        for (Thread t : clients) {
            t.join(TimeUnit.SECONDS.toMillis(90));
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " did not end");
            }
        }
        if (unexpected.get() != null) {
            throw unexpected.get();
        }
    }

    Set<Long> acknowledged() {
        return acknowledged;
    }

    long retried() {
        return retried.sum();
    }

    private void run(StackProcess stack, long seed, int isolation) {
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = stack.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(isolation);
            while (!stopping) {
                long id = nextId.getAndIncrement();
                int src = 1 + random.nextInt(Bank.ACCOUNTS);
                int dst = 1 + (src + random.nextInt(Bank.ACCOUNTS - 1)) % Bank.ACCOUNTS;
                try {
                    Bank.transfer(c, id, src, dst, 1 + random.nextInt(100));
                    acknowledged.add(id);
                    warm.countDown();
                } catch (SQLException e) {
                    if ("40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState())) {
                        retried.increment(); // refused by the database, nothing of it kept: try another
                    } else {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            if (!stopping && !isConnectionLoss(e)) {
                unexpected.compareAndSet(null, e);
            }
            // a lost connection: the stack was killed, this client ends
        } catch (Throwable t) {
            unexpected.compareAndSet(null, t);
        }
    }

    private static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }
}
