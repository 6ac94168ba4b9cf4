package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.compile.CompiledModule;
import io.hallows.dsl.impl.compile.ModuleCompiler;
import io.hallows.dsl.impl.deploy.BundlePackager.Packaged;
import io.hallows.dsl.impl.deploy.DeployReport.Outcome;
import io.hallows.dsl.impl.deploy.KeptSources.Kept;
import io.hallows.dsl.impl.deploy.ModuleBundles.Applied;
import io.hallows.dsl.impl.deploy.ModuleBundles.Change;
import io.hallows.dsl.impl.deploy.ModuleBundles.StartFailure;
import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.spi.ModuleRuntime;
import io.hallows.dsl.runtime.spi.ModuleStates;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The deployer: compile, package, install or update, start, or put back. See {@link ModuleDeployer}
 * for the contract and {@code package-info} for the design. State and the started revisions belong
 * to the {@link ModuleRuntime}: this component can be updated or restarted while modules serve.
 */
@Component(service = ModuleDeployer.class, immediate = true)
public final class Deployer implements ModuleDeployer {
    private static final String RUNTIME = "io.hallows.dsl.runtime";

    private final BundleContext context;
    private final ModuleCompiler compiler;
    private final Logger log;
    private final ModuleStates state;
    private final ModuleBundles bundles;
    private final BundlePackager packager;
    private final KeptSources kept;
    private final Map<String, Deployed> deployed = new ConcurrentHashMap<>();
    private final Map<String, String> restoring = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<Void> restored = new CompletableFuture<>();
    private final AutoCloseable restore;

    /** A deployed module: where it came from, what it compiled to, the bytes of its bundles. */
    private record Deployed(String file, String source, CompiledModule compiled, Packaged packaged) {
    }

    @Activate
    public Deployer(BundleContext context, @Reference ModuleCompiler compiler, @Reference ModuleRuntime runtime,
            @Reference LoggerFactory logs) {
        this(context, compiler, runtime, logs.getLogger(Deployer.class));
    }

    /**
     * @param runtime the runtime that keeps the modules' state and starts their revisions
     * @param log     where lines about modules go (restored modules, failures)
     */
    Deployer(BundleContext context, ModuleCompiler compiler, ModuleRuntime runtime, Logger log) {
        this.context = context;
        this.compiler = compiler;
        this.log = log;
        this.state = runtime.states();
        this.bundles = new ModuleBundles(context, runtime);
        Version runtimeVersion = PackageExports.best(context, RUNTIME).map(PackageExports::version)
                .orElseThrow(() -> new IllegalStateException("no resolved bundle exports " + RUNTIME));
        this.packager = new BundlePackager(runtimeVersion);
        this.kept = new KeptSources(keptFolder(context));
        this.restore = AfterStartup.run(context, "hallows-pt-restore", this::restore);
    }

    /**
     * Where deployed modules' sources are kept: in the stack's data area ({@code <hallows.data>/parseltongue/modules}),
     * so they are redeployed after a restart; without one (a framework started by hand), in this bundle's storage.
     */
    private static java.nio.file.Path keptFolder(BundleContext context) {
        String data = context.getProperty(io.hallows.kernel.api.DataArea.PROPERTY);
        if (data != null && !data.isBlank()) {
            return java.nio.file.Path.of(data.strip(), "parseltongue", "modules");
        }
        java.io.File own = context.getDataFile("modules");
        return own == null ? null : own.toPath();
    }

    /**
     * Stops restoring, and waits for a deployment under way. The generated bundles keep running:
     * they belong to the runtime, and a new deployer (after an update of this bundle) attaches to them.
     */
    @Deactivate
    public void close() throws Exception {
        restore.close();
        lock.lock(); // a deployment under way finishes first: it uses this bundle's context
        lock.unlock();
    }

    /** Completes once the modules kept from the last run have been redeployed. */
    CompletableFuture<Void> restored() {
        return restored;
    }

    @Override
    public DeployReport deploy(String file, String source) {
        lock.lock();
        try {
            return deployLocked(file, source, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Diagnostic> check(String file, String source) {
        lock.lock();
        try {
            return compile(file, source, new DeploymentPlan()).diagnostics();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DeployReport undeploy(String module) {
        lock.lock();
        try {
            return undeployLocked(module, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    private DeployReport undeployLocked(String module, long start) {
        try {
            if (!deployed.containsKey(module) && bundles.impl(module) == null && bundles.api(module) == null) {
                throw new IllegalArgumentException("no module '" + module + "' is deployed"
                        + (deployed.isEmpty() ? "" : " (deployed: " + String.join(", ", new TreeSet<>(deployed.keySet())) + ")"));
            }
            List<String> importers = importersOf(module).map(d -> d.compiled().name() + " (" + d.file() + ")").toList();
            if (!importers.isEmpty()) {
                throw new IllegalArgumentException("module '" + module + "' is imported by " + String.join(", ", importers)
                        + ": undeploy " + (importers.size() == 1 ? "it" : "them") + " first");
            }
            List<String> refreshed = bundles.remove(module);
            state.drop(module);
            deployed.remove(module);
            kept.remove(module);
            return DeployReport.undeployed(module, refreshed, since(start));
        } catch (BundleException e) {
            throw new IllegalStateException("module '" + module + "' could not be undeployed: " + ModuleBundles.rootCause(e), e);
        }
    }

    /**
     * A file holds one module: once it deployed {@code module}, the module it held before under
     * another name is undeployed (or kept, with a note, while another module imports it).
     */
    private void replaceRenamed(String file, String module, DeploymentPlan plan, List<String> notes) {
        for (Deployed old : List.copyOf(deployed.values())) {
            String oldName = old.compiled().name();
            if (!old.file().equals(file) || oldName.equals(module) || plan.contains(oldName)) {
                continue;
            }
            List<String> importers = importersOf(oldName).map(d -> d.compiled().name()).toList();
            if (!importers.isEmpty()) {
                notes.add(file + " now holds module " + module + "; module " + oldName + ", deployed from it before, stays deployed"
                        + " because " + String.join(", ", importers) + " import" + (importers.size() == 1 ? "s" : "") + " it");
                continue;
            }
            try {
                undeployLocked(oldName, System.nanoTime());
                notes.add(file + " now holds module " + module + ": module " + oldName + ", deployed from it before, was undeployed");
            } catch (RuntimeException e) {
                notes.add(file + " now holds module " + module + "; module " + oldName + " could not be undeployed: " + e.getMessage());
            }
        }
    }

    @Override
    public List<ModuleInfo> list() {
        return deployed.values().stream().sorted(Comparator.comparing(d -> d.compiled().name()))
                .map(d -> ModuleInfo.of(d.compiled(), d.file(), d.packaged().implVersion(), bundles.impl(d.compiled().name())))
                .toList();
    }

    @Override
    public Optional<Map<String, String>> source(String module) {
        return Optional.ofNullable(deployed.get(module)).map(d -> d.compiled().javaSource());
    }

    private DeployReport deployLocked(String file, String source, long start) {
        DeploymentPlan plan = new DeploymentPlan();
        ModuleCompiler.Result result = compile(file, source, plan);
        if (!result.ok()) {
            return DeployReport.unsuccessful(file, null, Outcome.REJECTED, result.diagnostics(), null, List.of(), since(start));
        }
        CompiledModule module = result.module();
        String name = module.name();
        List<String> notes = new ArrayList<>();
        Deployed before = deployed.get(name);
        if (before != null && !before.file().equals(file)) {
            notes.add("module " + name + " was deployed from " + before.file() + "; it now comes from " + file);
        }
        plan.add(file, source, module);
        Optional<DeployReport> refused = planImporters(plan, file, start, notes);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean isNew = bundles.impl(name) == null;
        Map<String, Map<String, StateCell<?>>> snapshots = new HashMap<>();
        try {
            List<DeploymentPlan.Planned> planned = List.copyOf(plan.modules());
            List<Change> changes = new ArrayList<>();
            Map<String, Version> apiVersions = apiVersions(plan);
            for (DeploymentPlan.Planned p : planned) {
                Deployed previous = deployed.get(p.module().name());
                changes.add(new Change(packager.pack(p.module(), apiVersions), previous == null ? null : previous.packaged()));
                snapshots.put(p.module().name(), state.snapshot(p.module().name()));
                state.takeResets(p.module().name());
            }
            Applied applied = bundles.apply(changes, () -> snapshots.forEach(state::restore));
            for (int i = 0; i < planned.size(); i++) {
                DeploymentPlan.Planned p = planned.get(i);
                deployed.put(p.module().name(), new Deployed(p.file(), p.source(), p.module(), changes.get(i).next()));
                kept.save(p.module().name(), p.file(), p.source());
                restoring.remove(p.module().name());
                state.takeResets(p.module().name()).forEach(reset -> notes.add(p.module().name() + ": " + reset));
            }
            replaceRenamed(file, name, plan, notes);
            Outcome outcome = isNew ? Outcome.INSTALLED : applied.changed() ? Outcome.UPDATED : Outcome.UNCHANGED;
            return new DeployReport(file, name, outcome, result.diagnostics(), applied.installed(), applied.updated(),
                    applied.refreshed(), notes, null, since(start));
        } catch (StartFailure e) {
            return DeployReport.unsuccessful(file, name, Outcome.ROLLED_BACK, result.diagnostics(), e.getMessage(), notes, since(start));
        } catch (BundleException | RuntimeException e) {
            return DeployReport.unsuccessful(file, name, Outcome.FAILED, result.diagnostics(), ModuleBundles.rootCause(e), notes, since(start));
        }
    }

    /**
     * Adds to the plan every deployed module that imports an API the plan changes, recompiled
     * against the new API; empty, or the refusal when one of them no longer compiles.
     */
    private Optional<DeployReport> planImporters(DeploymentPlan plan, String file, long start, List<String> notes) {
        Deque<CompiledModule> changedApis = new ArrayDeque<>();
        plan.modules().stream().map(DeploymentPlan.Planned::module).filter(this::apiChanges).forEach(changedApis::add);
        while (!changedApis.isEmpty()) {
            CompiledModule changed = changedApis.poll();
            for (Deployed importer : importersOf(changed.name()).toList()) {
                if (plan.contains(importer.compiled().name())) {
                    continue;
                }
                ModuleCompiler.Result again = compile(importer.file(), importer.source(), plan);
                if (!again.ok()) {
                    notes.add(importer.file() + " (module " + importer.compiled().name() + ") imports the API of " + changed.name()
                            + " and no longer compiles against the new one; nothing was deployed");
                    return Optional.of(DeployReport.unsuccessful(file, plan.first(), Outcome.REJECTED, again.diagnostics(), null, notes, since(start)));
                }
                plan.add(importer.file(), importer.source(), again.module());
                notes.add("recompiled " + importer.compiled().name() + " (" + importer.file() + ") against the new API of " + changed.name());
                if (apiChanges(again.module())) {
                    changedApis.add(again.module());
                }
            }
        }
        return Optional.empty();
    }

    private boolean apiChanges(CompiledModule m) {
        Bundle api = bundles.api(m.name());
        return api != null && !api.getVersion().equals(BundlePackager.apiVersion(m));
    }

    private Stream<Deployed> importersOf(String module) {
        String apiPackage = CompiledModule.apiPackage(module);
        return deployed.values().stream().filter(d -> !d.compiled().name().equals(module) && d.compiled().imports().contains(apiPackage));
    }

    /** The API version of every deployed module by package, with the plan's new versions. */
    private Map<String, Version> apiVersions(DeploymentPlan plan) {
        Map<String, Version> versions = new HashMap<>();
        deployed.values().forEach(d -> versions.put(CompiledModule.apiPackage(d.compiled().name()), d.packaged().apiVersion()));
        plan.modules().forEach(p -> versions.put(CompiledModule.apiPackage(p.module().name()), BundlePackager.apiVersion(p.module())));
        return versions;
    }

    private ModuleCompiler.Result compile(String file, String source, DeploymentPlan plan) {
        try {
            return compiler.compile(file, source, name -> plan.source(name)
                    .or(() -> Optional.ofNullable(deployed.get(name)).map(Deployed::source))
                    .or(() -> Optional.ofNullable(restoring.get(name))),
                    new BundleClassLibrary(context, plan.pendingApis()));
        } catch (RuntimeException | LinkageError e) {
            return new ModuleCompiler.Result(null, List.of(new Diagnostic(file, 1, 1, Severity.ERROR, "PT0900",
                    "internal compiler error (a bug in Parseltongue, please report it): " + e)));
        }
    }

    /** Redeploys the modules kept from the last run (their bundles are still installed, stopped). */
    private void restore() {
        try {
            List<Kept> all = kept.all();
            all.forEach(k -> restoring.put(k.module(), k.source()));
            List<Bundle> ours = bundles.resolveOurs();
            for (Kept k : all) {
                DeployReport r = deploy(k.file(), k.source());
                if (r.ok()) {
                    log.info("restored " + r.summary());
                } else {
                    log.error("could not restore module " + k.module() + ": " + r.format());
                }
            }
            for (Bundle b : ours) {
                String module = GeneratedBundle.moduleOfImpl(b.getLocation());
                if (!deployed.containsKey(module)) {
                    log.warn(b.getSymbolicName() + " [" + b.getBundleId() + "] has no kept source and stays stopped: deploy its file again, or pt:undeploy " + module);
                }
            }
        } catch (RuntimeException e) {
            log.error("restoring the deployed modules failed: " + e);
        } finally {
            restoring.clear();
            restored.complete(null);
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
