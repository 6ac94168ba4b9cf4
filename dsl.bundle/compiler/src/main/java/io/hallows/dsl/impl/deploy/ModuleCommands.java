package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.syntax.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Operator commands on Parseltongue modules, in the Gogo scope {@code pt}. A command that cannot
 * do what it was asked throws {@link IllegalArgumentException} with the reason, which the shell
 * prints.
 */
@Component(service = ModuleCommands.class, property = {
    "osgi.command.scope=pt", "osgi.command.function=check", "osgi.command.function=deploy",
    "osgi.command.function=list", "osgi.command.function=undeploy", "osgi.command.function=source",
    "osgi.command.function=await"})
public final class ModuleCommands {
    private final ModuleDeployer deployer;

    @Activate
    public ModuleCommands(@Reference ModuleDeployer deployer) {
        this.deployer = deployer;
    }

    @Descriptor("compile a .pt file without deploying it: its errors and warnings")
    public String check(@Descriptor("the .pt file") String file) {
        Path path = path(file);
        SourceText.Decoded source = read(path);
        if (source.error() != null) {
            throw new IllegalArgumentException(source.error().format());
        }
        List<Diagnostic> diagnostics = deployer.check(path.getFileName().toString(), source.text());
        String text = String.join("\n", diagnostics.stream().map(Diagnostic::format).toList());
        if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            throw new IllegalArgumentException(text);
        }
        return diagnostics.isEmpty() ? path.getFileName() + ": no problems" : text;
    }

    @Descriptor("compile a .pt file and install its module, or update it in place")
    public String deploy(@Descriptor("the .pt file") String file) {
        Path path = path(file);
        SourceText.Decoded source = read(path);
        DeployReport report = source.error() != null ? DeployReport.unreadable(path.getFileName().toString(), source.error())
                : deployer.deploy(path.getFileName().toString(), source.text());
        if (!report.ok()) {
            throw new IllegalArgumentException(report.format());
        }
        return report.format();
    }

    @Descriptor("wait until a module is deployed and active, e.g. one the watched folder is deploying (for scripts)")
    public String await(@Descriptor("the module's name") String module, @Descriptor("how long to wait, in ms") long timeoutMillis) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            java.util.Optional<ModuleInfo> found = deployer.list().stream().filter(m -> m.name().equals(module)).findFirst();
            if (found.isPresent() && found.get().state().equals("active")) {
                return "module '" + module + "' is active (" + found.get().version() + ")";
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalArgumentException("module '" + module + "' is not active after " + timeoutMillis + " ms"
                        + found.map(m -> " (it is " + m.state() + ")").orElse(" (it is not deployed)"));
            }
            // The deployment runs on the deployer's own thread; a script waits for it, as hallows:await does for partitions.
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Descriptor("list the deployed modules")
    public String list() {
        List<ModuleInfo> modules = deployer.list();
        if (modules.isEmpty()) {
            return "no modules deployed";
        }
        String[] header = {"MODULE", "VERSION", "STATE", "BUNDLE", "FILE", "SERVICES"};
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(header);
        for (ModuleInfo m : modules) {
            rows.add(new String[] {m.name(), m.version(), m.state(), m.bundleId() < 0 ? "-" : Long.toString(m.bundleId()), m.file(),
                String.join(", ", m.services())});
        }
        int[] widths = new int[header.length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                out.append(i == r.length - 1 ? r[i] : String.format("%-" + (widths[i] + 2) + "s", r[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Descriptor("stop and uninstall a module's bundles and drop its state")
    public String undeploy(@Descriptor("the module's name") String module) {
        return deployer.undeploy(module).format();
    }

    @Descriptor("show the Java generated for a deployed module")
    public String source(@Descriptor("the module's name") String module) {
        Map<String, String> files = deployer.source(module)
                .orElseThrow(() -> new IllegalArgumentException("no module '" + module + "' is deployed (see pt:list)"));
        StringBuilder out = new StringBuilder();
        files.forEach((name, text) -> out.append("// ").append(name).append('\n').append(text).append(text.endsWith("\n") ? "" : "\n"));
        return out.toString();
    }

    private static Path path(String file) {
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no file " + path);
        }
        return path;
    }

    private static SourceText.Decoded read(Path path) {
        try {
            return SourceText.decode(path.getFileName().toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
