package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.impl.deploy.BundlePackager.Packaged;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.spi.ModuleRuntime;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The generated bundles in the framework: installs, updates and removes them, refreshing only
 * what changed, and puts the previous bytes back when a new revision does not start.
 *
 * <p>Implementation bundles are started and stopped transiently: the framework never starts them
 * by itself after a restart, only the deployer does, once it runs. An updated bundle is stopped
 * first, so the framework does not restart it during the refresh and a failed start is ours to see.
 * Every implementation bundle installed here is adopted by the runtime, which then starts its
 * revisions; the runtime, not this class, remembers which bundles are the deployer's.
 */
final class ModuleBundles {
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(60);

    private final BundleContext context;
    private final FrameworkWiring wiring;
    private final ModuleRuntime runtime;

    ModuleBundles(BundleContext context, ModuleRuntime runtime) {
        this.context = context;
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        this.runtime = runtime;
    }

    /** One module's bundles: what to have, and what to go back to ({@code previous} null for a new module). */
    record Change(Packaged next, Packaged previous) {
    }

    /** What {@link #apply} did, as {@code pt.shop 1.0.0.ab12cd} for bundles and symbolic names for refreshes. */
    record Applied(List<String> installed, List<String> updated, List<String> refreshed) {
        boolean changed() {
            return !installed.isEmpty() || !updated.isEmpty();
        }
    }

    /** A revision did not start; everything was put back as it was (as far as {@code message} says). */
    static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }

    /** True for an implementation bundle the deployer installed. */
    boolean isOurs(Bundle bundle) {
        return runtime.adopted(bundle);
    }

    Bundle impl(String module) {
        return context.getBundle(GeneratedBundle.implLocation(module));
    }

    Bundle api(String module) {
        return context.getBundle(GeneratedBundle.apiLocation(module));
    }

    /**
     * Brings every module of {@code changes} to its next bundles and starts them, in order.
     *
     * @param beforeRestart run during a rollback once the failed revisions are stopped and before
     *                      the previous ones start again (to put their state back)
     * @throws StartFailure   after putting the previous bundles back, when a revision failed to start
     * @throws BundleException when the framework refused an install or update (after putting them back)
     */
    Applied apply(List<Change> changes, Runnable beforeRestart) throws StartFailure, BundleException {
        List<Step> steps = new ArrayList<>();
        for (Change c : changes) {
            steps.add(new Step(c));
        }
        Applied applied = new Applied(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Set<Bundle> updated = new LinkedHashSet<>();
        try {
            for (Step s : steps) {
                if (s.changes() && s.impl.before != null) {
                    s.impl.before.stop(Bundle.STOP_TRANSIENT);
                }
            }
            for (Step s : steps) {
                s.bringUp(applied, updated);
            }
            if (!updated.isEmpty()) {
                wiring.getDependencyClosure(updated).forEach(b -> applied.refreshed().add(b.getSymbolicName()));
                refresh(updated);
            }
        } catch (BundleException | RuntimeException e) {
            rollBack(steps, beforeRestart);
            throw e;
        }
        for (Step s : steps) {
            try {
                start(s.impl.bundle);
            } catch (BundleException | RuntimeException e) {
                String failure = s.impl.bundle.getSymbolicName() + " " + s.change.next().implVersion() + " failed to start: " + rootCause(e);
                throw new StartFailure(failure + rollBack(steps, beforeRestart));
            }
        }
        return applied;
    }

    /** Stops, uninstalls and refreshes a module's bundles; the symbolic names of the refreshed bundles. */
    List<String> remove(String module) throws BundleException {
        List<Bundle> gone = new ArrayList<>();
        for (Bundle b : new Bundle[] {impl(module), api(module)}) {
            if (b != null) {
                b.stop(Bundle.STOP_TRANSIENT);
                gone.add(b);
            }
        }
        List<String> refreshed = wiring.getDependencyClosure(gone).stream().map(Bundle::getSymbolicName).toList();
        for (Bundle b : gone) {
            b.uninstall();
        }
        refresh(gone);
        return refreshed;
    }

    /** Resolves the implementation bundles found installed (after a restart), so their APIs can be compiled against. */
    List<Bundle> resolveOurs() {
        List<Bundle> found = Stream.of(context.getBundles()).filter(this::isOurs).toList();
        wiring.resolveBundles(found);
        return found;
    }

    private void start(Bundle impl) throws BundleException {
        if (impl.getState() != Bundle.ACTIVE) {
            impl.start(Bundle.START_TRANSIENT);
        }
    }

    /** Puts every step back; the end of the failure message: "; rolled back", or what could not be put back. */
    private String rollBack(List<Step> steps, Runnable beforeRestart) {
        List<String> problems = new ArrayList<>();
        Set<Bundle> touched = new LinkedHashSet<>();
        for (Step s : steps) {
            stopQuietly(s.impl.bundle);
        }
        for (Step s : steps) {
            s.putBack(touched, problems);
        }
        if (!touched.isEmpty()) {
            try {
                refresh(touched);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        beforeRestart.run();
        for (Step s : steps) {
            if (s.wasActive && s.impl.before.getState() != Bundle.UNINSTALLED) {
                try {
                    start(s.impl.before);
                } catch (BundleException | RuntimeException e) {
                    problems.add(s.impl.before.getSymbolicName() + " did not start again: " + rootCause(e));
                }
            }
        }
        return problems.isEmpty() ? "; rolled back" : "; rollback incomplete: " + String.join("; ", problems);
    }

    /** Refreshes {@code bundles} (the framework adds what depends on them) and waits until it is done. */
    private void refresh(Collection<Bundle> bundles) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        wiring.refreshBundles(bundles, event -> done.complete(null));
        try {
            done.get(REFRESH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the framework to refresh " + names(bundles), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the framework did not refresh " + names(bundles) + " within " + REFRESH_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static String names(Collection<Bundle> bundles) {
        return bundles.stream().map(Bundle::getSymbolicName).toList().toString();
    }

    private static void stopQuietly(Bundle b) {
        if (b != null && b.getState() != Bundle.UNINSTALLED) {
            try {
                b.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | RuntimeException e) {
                // rolled back below all the same
            }
        }
    }

    static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : root.toString();
    }

    /** One module's bundles during an {@link #apply}. */
    private final class Step {
        final Change change;
        final Slot api;
        final Slot impl;
        final boolean wasActive;

        Step(Change change) {
            Packaged next = change.next();
            Packaged previous = change.previous();
            this.change = change;
            this.api = new Slot(GeneratedBundle.apiLocation(next.module()), next.apiVersion(), next.api(), previous == null ? null : previous.api());
            this.impl = new Slot(GeneratedBundle.implLocation(next.module()), next.implVersion(), next.impl(), previous == null ? null : previous.impl());
            this.wasActive = impl.before != null && impl.before.getState() == Bundle.ACTIVE;
        }

        boolean changes() {
            return api.differs() || impl.differs();
        }

        void bringUp(Applied applied, Set<Bundle> updated) throws BundleException {
            api.bringUp(applied, updated);
            impl.bringUp(applied, updated);
            if (impl.installed) {
                runtime.adopt(impl.bundle);
            }
        }

        void putBack(Set<Bundle> touched, List<String> problems) {
            impl.putBack(touched, problems);
            api.putBack(touched, problems);
        }
    }

    /** One bundle of a module during an {@link #apply}: how it was, what it should be, what was done to it. */
    private final class Slot {
        final String location;
        final Bundle before;
        final Version version;
        final byte[] next;
        final byte[] previous;
        Bundle bundle;
        boolean installed;
        boolean updated;

        /** @param previous the bytes deployed last, or null when not known (after a restart) */
        Slot(String location, Version version, byte[] next, byte[] previous) {
            this.location = location;
            this.before = context.getBundle(location);
            this.bundle = before;
            this.version = version;
            this.next = next;
            this.previous = previous;
        }

        /** Bytes decide when the deployer knows the installed ones; versions otherwise. */
        boolean differs() {
            return before == null || !before.getVersion().equals(version) || previous != null && !Arrays.equals(previous, next);
        }

        void bringUp(Applied applied, Set<Bundle> updated) throws BundleException {
            if (before == null) {
                bundle = context.installBundle(location, new ByteArrayInputStream(next));
                installed = true;
                applied.installed().add(label(bundle));
            } else if (differs()) {
                before.update(new ByteArrayInputStream(next));
                this.updated = true;
                updated.add(before);
                applied.updated().add(label(before));
            }
        }

        void putBack(Set<Bundle> touched, List<String> problems) {
            try {
                if (installed) {
                    bundle.uninstall();
                    touched.add(bundle);
                } else if (updated && previous == null) {
                    problems.add(before.getSymbolicName() + ": its previous bytes are not known");
                } else if (updated) {
                    before.update(new ByteArrayInputStream(previous));
                    touched.add(before);
                }
            } catch (BundleException | RuntimeException e) {
                problems.add(bundle.getSymbolicName() + " could not be put back: " + rootCause(e));
            }
        }

        private static String label(Bundle b) {
            return b.getSymbolicName() + " " + b.getVersion();
        }
    }
}
