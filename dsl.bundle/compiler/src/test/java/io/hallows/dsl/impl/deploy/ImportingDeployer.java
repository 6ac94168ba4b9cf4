package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.deploy.DeployReport.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deployer without a framework that behaves as the real one does about imports: a module whose
 * imported modules are not all deployed is rejected with {@code no module '…' is deployed}.
 */
final class ImportingDeployer implements ModuleDeployer {
    /** The files asked to deploy, in order. */
    final List<String> attempts = new CopyOnWriteArrayList<>();
    /** Deployed modules, to their file. */
    final Map<String, String> deployed = new ConcurrentHashMap<>();

    @Override
    public DeployReport deploy(String file, String source) {
        attempts.add(file);
        DeployOrder.Source s = DeployOrder.scan(Path.of(file), source);
        List<Diagnostic> missing = s.imports().stream().filter(m -> !deployed.containsKey(m))
                .map(m -> new Diagnostic(file, 3, 1, Severity.ERROR, "PT0205", "no module '" + m + "' is deployed")).toList();
        if (!missing.isEmpty()) {
            return DeployReport.unsuccessful(file, s.module(), Outcome.REJECTED, missing, null, List.of(), Duration.ZERO);
        }
        deployed.put(s.module(), file);
        return new DeployReport(file, s.module(), Outcome.INSTALLED, List.of(), List.of("pt." + s.module()), List.of(), List.of(),
                List.of(), null, Duration.ZERO);
    }

    @Override
    public List<Diagnostic> check(String file, String source) {
        return List.of();
    }

    @Override
    public DeployReport undeploy(String module) {
        deployed.remove(module);
        return DeployReport.undeployed(module, List.of(), Duration.ZERO);
    }

    @Override
    public List<ModuleInfo> list() {
        return deployed.entrySet().stream().map(e -> new ModuleInfo(e.getKey(), e.getValue(), "1.0.0", "active", 1, List.of())).toList();
    }

    @Override
    public Optional<Map<String, String>> source(String module) {
        return Optional.empty();
    }

    /** A module of one service that imports {@code imports}' services. */
    static String module(String name, String... imports) {
        StringBuilder text = new StringBuilder("module " + name + " version \"1.0.0\";\n");
        for (String i : imports) {
            text.append("import service S from ").append(i).append(";\n");
        }
        return text.append("service S { op id(): Int { return 1; } }\n").toString();
    }
}
