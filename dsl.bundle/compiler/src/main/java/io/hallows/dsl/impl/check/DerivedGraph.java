package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The derived values of one service as a graph (a derived value points at the derived values it
 * reads): reports each cycle once, with its path, and orders the values so that each comes after
 * the ones it reads (the order the generated constructor creates them in).
 */
final class DerivedGraph {
    private final ServiceInfo service;
    private final Map<Member.Derived, List<String>> reads;
    private final Facts facts;
    private final Map<String, Integer> state = new HashMap<>();
    private final List<String> path = new ArrayList<>();
    private final List<Symbol.DerivedValue> order = new ArrayList<>();
    private final Set<String> inReportedCycle = new HashSet<>();

    private DerivedGraph(ServiceInfo service, Map<Member.Derived, List<String>> reads, Facts facts) {
        this.service = service;
        this.reads = reads;
        this.facts = facts;
    }

    /** The service's derived values, each after those it reads; cycles are reported. */
    static List<Symbol.DerivedValue> order(ServiceInfo service, Map<Member.Derived, List<String>> reads, Facts facts) {
        DerivedGraph graph = new DerivedGraph(service, reads, facts);
        service.derived().keySet().forEach(graph::visit);
        return graph.order;
    }

    private static final int VISITING = 1;
    private static final int DONE = 2;

    private void visit(String name) {
        Integer seen = state.get(name);
        if (seen != null && seen == DONE) {
            return;
        }
        if (seen != null) {
            cycle(name);
            return;
        }
        state.put(name, VISITING);
        path.add(name);
        Symbol.DerivedValue derived = service.derived().get(name);
        for (String read : reads.getOrDefault(derived.decl(), List.of())) {
            if (service.derived().containsKey(read)) {
                visit(read);
            }
        }
        path.removeLast();
        state.put(name, DONE);
        order.add(derived);
    }

    private void cycle(String closing) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(closing), path.size()));
        if (cycle.stream().anyMatch(inReportedCycle::contains)) {
            return;
        }
        inReportedCycle.addAll(cycle);
        cycle.add(closing);
        Member.Derived first = service.derived().get(cycle.getFirst()).decl();
        facts.error(first.pos(), CheckCode.DERIVED_CYCLE, "derived values depend on each other in a cycle: "
                + String.join(" -> ", cycle) + "; one of them must read a let_reactive_var instead");
    }
}
