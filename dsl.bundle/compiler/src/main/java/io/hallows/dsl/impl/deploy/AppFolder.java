package io.hallows.dsl.impl.deploy;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.hallows.dsl.impl.syntax.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The app folder: every {@code *.pt} file in it is deployed when the stack starts, deployed again
 * when it changes, and undeployed when it is deleted. Results go to the OSGi Log Service, one entry
 * a line ({@code shop.pt deployed (pt.shop 1.0.0.ab12cd) in 412 ms}, then any diagnostics): INFO
 * for what was deployed, WARN for what was refused or could not be done.
 *
 * <p>The folder is the framework property {@value #PROPERTY}, by default {@value #DEFAULT_FOLDER}
 * relative to the working directory; it is created if missing. A file is deployed once it is
 * stable: its size and modification time unchanged across a quiet period with no new event for it,
 * so a file still being written is not compiled half-way.
 *
 * <p>At start the files deploy in import order ({@link DeployOrder}): a module after the modules it
 * imports; files whose imports form a cycle are not deployed and the cycle is reported. A file that
 * could not deploy while a module it imports was missing waits, and is deployed again as soon as
 * that module is.
 */
@Component(immediate = true)
public final class AppFolder {
    /** The framework property naming the folder. */
    public static final String PROPERTY = "hallows.pt.apps";
    /** The folder when {@value #PROPERTY} is not set, relative to the working directory. */
    public static final String DEFAULT_FOLDER = "run/apps";
    private static final long QUIET_MILLIS = 150;

    private final ModuleDeployer deployer;
    private final Path folder;
    private final Consumer<DeployReport> reports;
    private final Logger log;
    private final Map<Path, String> modules = new HashMap<>();
    /** Files not deployed because a module they import was not, with their imports. */
    private final Map<Path, Set<String>> waiting = new HashMap<>();
    private final CompletableFuture<Path> watching = new CompletableFuture<>();
    private volatile WatchService watcher;
    private volatile boolean closed;
    private volatile AutoCloseable startup = () -> { };
    /** True once the framework is stopping: a deployment it cuts short is no news for the operator. */
    private volatile java.util.function.BooleanSupplier frameworkStopping = () -> false;

    @Activate
    public AppFolder(BundleContext context, @Reference ModuleDeployer deployer, @Reference LoggerFactory logs) {
        this(deployer, Path.of(context.getProperty(PROPERTY) == null ? DEFAULT_FOLDER : context.getProperty(PROPERTY)), report -> { },
                logs.getLogger(AppFolder.class));
        org.osgi.framework.Bundle system = context.getBundle(0);
        frameworkStopping = () -> system.getState() == org.osgi.framework.Bundle.STOPPING;
        startup = AfterStartup.run(context, "hallows-pt-apps", this::watch);
    }

    /** A folder that is not watched until {@link #start()}; every report also goes to {@code reports}. */
    AppFolder(ModuleDeployer deployer, Path folder, Consumer<DeployReport> reports, Logger log) {
        this.deployer = deployer;
        this.folder = folder.toAbsolutePath().normalize();
        this.reports = reports;
        this.log = log;
    }

    void start() {
        Thread thread = new Thread(this::watch, "hallows-pt-apps");
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes with the folder once it is watched: after that, no change to it is missed. */
    CompletableFuture<Path> watching() {
        return watching;
    }

    @Deactivate
    public void close() throws Exception {
        closed = true;
        startup.close();
        WatchService w = watcher;
        if (w != null) {
            w.close();
        }
    }

    private void watch() {
        try (WatchService w = folder.getFileSystem().newWatchService()) {
            watcher = w;
            if (closed) {
                return;
            }
            Files.createDirectories(folder);
            folder.register(w, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            info("watching " + folder);
            watching.complete(folder);
            deployAll(ptFiles());
            loop(w);
        } catch (ClosedWatchServiceException stopped) {
            // closed
        } catch (IOException | RuntimeException e) {
            warn("the app folder " + folder + " is not watched: " + e);
            watching.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events mark files pending with their size and time; a pending file unchanged after a quiet period is deployed. */
    private void loop(WatchService w) throws InterruptedException {
        Map<Path, Stamp> pending = new HashMap<>();
        while (!closed) {
            WatchKey key = pending.isEmpty() ? w.take() : w.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
            if (key == null) {
                for (Map.Entry<Path, Stamp> e : List.copyOf(pending.entrySet())) {
                    Stamp now = Stamp.of(e.getKey());
                    if (now == null || now.equals(e.getValue())) {
                        pending.remove(e.getKey());
                        if (now != null) {
                            deploy(e.getKey());
                        }
                    } else {
                        pending.put(e.getKey(), now);
                    }
                }
                continue;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    ptFiles().forEach(p -> pending.put(p, Stamp.of(p)));
                    List.copyOf(modules.keySet()).stream().filter(p -> !Files.exists(p)).forEach(this::undeploy);
                    continue;
                }
                Path file = folder.resolve((Path) event.context());
                if (!file.getFileName().toString().endsWith(".pt")) {
                    continue;
                }
                if (event.kind() == ENTRY_DELETE) {
                    pending.remove(file);
                    undeploy(file);
                } else {
                    pending.put(file, Stamp.of(file));
                }
            }
            key.reset();
        }
    }

    /** Deploys {@code files} in import order; files in an import cycle wait, and the cycle is reported. */
    private void deployAll(List<Path> files) {
        List<DeployOrder.Source> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(DeployOrder.scan(file, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException unreadable) {
                sources.add(new DeployOrder.Source(file, null, Set.of())); // its deployment says what is wrong
            }
        }
        DeployOrder.Plan plan = DeployOrder.of(sources);
        plan.cycles().forEach(cycle -> warn("not deployed: the imports form a cycle " + cycle
                + "; modules cannot import each other's services in a cycle"));
        Set<Path> ordered = Set.copyOf(plan.order());
        sources.stream().filter(s -> !ordered.contains(s.file())).forEach(s -> waiting.put(s.file(), s.imports()));
        plan.order().forEach(this::deploy);
    }

    private void deploy(Path file) {
        try {
            SourceText.Decoded decoded = SourceText.decode(file.getFileName().toString(), Files.readAllBytes(file));
            String source = decoded.text() == null ? "" : decoded.text();
            DeployReport report = decoded.error() != null ? DeployReport.unreadable(file.getFileName().toString(), decoded.error())
                    : deployer.deploy(file.getFileName().toString(), source);
            report(report);
            if (report.ok()) {
                waiting.remove(file);
                modules.put(file, report.module()); // a module it held before under another name: the deployer undeployed it
            } else {
                waitForImports(file, DeployOrder.scan(file, source).imports());
            }
            reports.accept(report);
            if (report.ok()) {
                deployImporters(report.module());
            }
        } catch (IOException | RuntimeException e) {
            if (closed || frameworkStopping.getAsBoolean()) {
                log.debug("{} not deployed: the stack stopped first ({})", file.getFileName(), e.getMessage());
            } else {
                warn(file.getFileName() + " not deployed: " + e);
            }
        }
    }

    /** A file that failed while a module it imports is not deployed waits for that module. */
    private void waitForImports(Path file, Set<String> imports) {
        Set<String> deployed = new HashSet<>();
        deployer.list().forEach(m -> deployed.add(m.name()));
        List<String> missing = imports.stream().filter(m -> !deployed.contains(m)).toList();
        if (missing.isEmpty()) {
            waiting.remove(file);
            return;
        }
        waiting.put(file, imports);
        info(file.getFileName() + " will be deployed again when " + String.join(", ", missing.stream().map(m -> "module " + m).toList())
                + (missing.size() == 1 ? " is" : " are") + " deployed");
    }

    /** Deploys again the waiting files that import {@code module}, which has just been deployed. */
    private void deployImporters(String module) {
        List<Path> importers = waiting.entrySet().stream().filter(e -> e.getValue().contains(module)).map(Map.Entry::getKey)
                .sorted().toList();
        for (Path importer : importers) {
            if (waiting.remove(importer) != null && Files.isRegularFile(importer)) {
                deploy(importer);
            }
        }
    }

    private void undeploy(Path file) {
        waiting.remove(file);
        String module = modules.remove(file);
        if (module != null) {
            undeployModule(module);
        }
    }

    private void undeployModule(String module) {
        try {
            DeployReport report = deployer.undeploy(module);
            report(report);
            reports.accept(report);
        } catch (RuntimeException e) {
            warn("module " + module + " stays deployed: " + e.getMessage());
        }
    }

    private List<Path> ptFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pt") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            warn("cannot list " + folder + ": " + e);
            return List.of();
        }
    }

    /** A report's lines: what an operator saving a file wants to see, as INFO, or WARN when it failed. */
    private void report(DeployReport report) {
        if (report.ok()) {
            info(report.format());
        } else {
            warn(report.format());
        }
    }

    private void info(String text) {
        text.lines().forEach(log::info);
    }

    private void warn(String text) {
        text.lines().forEach(log::warn);
    }

    /** A file's size and modification time; null when it is gone. */
    private record Stamp(long size, long modified) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.size(), a.lastModifiedTime().toMillis());
            } catch (IOException gone) {
                return null;
            }
        }
    }
}
