package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.impl.ast.ImportDecl;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.syntax.Diagnostics;
import io.hallows.dsl.impl.syntax.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order a folder's files deploy in: a module after the modules it imports (by
 * {@code import service … from m}, or {@code import java pt.m.api.…}), otherwise by file name. Files
 * whose imports form a cycle cannot be deployed at all; the cycle is named so the operator can break it.
 */
final class DeployOrder {
    private DeployOrder() {
    }

    /**
     * What a file declares, read from its header only.
     *
     * @param module  the module's name, or null when the file does not parse far enough to tell
     * @param imports the modules it imports
     */
    record Source(Path file, String module, Set<String> imports) {
    }

    /**
     * @param order  the files that can be deployed, each after those it imports
     * @param cycles each import cycle, as {@code a.pt (module a) -> b.pt (module b) -> a.pt (module a)}
     */
    record Plan(List<Path> order, List<String> cycles) {
    }

    /** Reads the module name and imports of {@code text}; a file with syntax errors keeps what parsed. */
    static Source scan(Path file, String text) {
        ModuleDecl ast = Parser.parse(file.getFileName().toString(), text, new Diagnostics());
        Set<String> imports = new LinkedHashSet<>();
        for (ImportDecl i : ast.imports()) {
            if (i instanceof ImportDecl.ServiceImport s) {
                imports.add(s.module().text());
            } else if (i instanceof ImportDecl.JavaImport j) {
                String type = j.type().text();
                int api = type.indexOf(".api.");
                if (type.startsWith("pt.") && api > 3) {
                    imports.add(type.substring(3, api)); // another module's generated API
                }
            }
        }
        String module = ast.name().text();
        return new Source(file, module.isEmpty() ? null : module, imports);
    }

    static Plan of(List<Source> sources) {
        List<Source> sorted = sources.stream().sorted(Comparator.comparing(Source::file)).toList();
        Map<String, Source> byModule = new HashMap<>();
        for (Source s : sorted) {
            if (s.module() != null) {
                byModule.putIfAbsent(s.module(), s);
            }
        }
        Walk walk = new Walk(byModule);
        sorted.forEach(walk::visit);
        List<Path> order = walk.order.stream().filter(p -> !walk.cyclic.contains(p)).toList();
        return new Plan(order, walk.cycles);
    }

    /** A depth-first walk over imports: a file is placed once everything it imports is. */
    private static final class Walk {
        private final Map<String, Source> byModule;
        private final Set<Path> done = new LinkedHashSet<>();
        private final List<Source> path = new ArrayList<>();
        private final List<Path> order = new ArrayList<>();
        private final Set<Path> cyclic = new LinkedHashSet<>();
        private final List<String> cycles = new ArrayList<>();

        Walk(Map<String, Source> byModule) {
            this.byModule = byModule;
        }

        void visit(Source s) {
            if (done.contains(s.file())) {
                return;
            }
            int onPath = path.indexOf(s);
            if (onPath >= 0) {
                List<Source> cycle = new ArrayList<>(path.subList(onPath, path.size()));
                cycle.add(s);
                cycle.forEach(c -> cyclic.add(c.file()));
                cycles.add(String.join(" -> ", cycle.stream().map(c -> c.file().getFileName() + " (module " + c.module() + ")").toList()));
                return;
            }
            path.add(s);
            for (String imported : s.imports()) {
                Source target = byModule.get(imported);
                if (target != null && target != s) {
                    visit(target);
                    if (cyclic.contains(target.file())) {
                        cyclic.add(s.file()); // it cannot deploy before what it imports
                    }
                }
            }
            path.remove(path.size() - 1);
            done.add(s.file());
            order.add(s.file());
        }
    }
}
