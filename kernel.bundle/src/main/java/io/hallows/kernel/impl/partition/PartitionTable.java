package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.PartitionState;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions the kernel knows, by configuration pid, and the configurations rejected before
 * any version of them was accepted. Written on the supervisor thread, read from any.
 */
final class PartitionTable {
    private final Map<String, Partition> byPid = new ConcurrentHashMap<>();
    private final Map<String, String> rejectedNew = new ConcurrentHashMap<>();

    /** A live, unmodifiable view. */
    Collection<Partition> all() {
        return Collections.unmodifiableCollection(byPid.values());
    }

    Partition byPid(String pid) {
        return byPid.get(pid);
    }

    void add(Partition p) {
        rejectedNew.remove(p.pid);
        byPid.put(p.pid, p);
    }

    /** Forgets the configuration {@code pid}: its partition, if any, or its rejection. */
    Partition remove(String pid) {
        rejectedNew.remove(pid);
        return byPid.remove(pid);
    }

    /** A configuration that was never accepted was rejected: it is reported until it is accepted or deleted. */
    void rejectNew(String pid, String error) {
        rejectedNew.put(pid, error);
    }

    /** Configurations rejected before any version of them was accepted: pid → error. */
    Map<String, String> rejectedDeclarations() {
        return Map.copyOf(rejectedNew);
    }

    Optional<Partition> find(String name) {
        return byPid.values().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** @throws IllegalArgumentException naming the partitions there are */
    Partition require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no partition '" + name + "' (partitions: "
                + String.join(", ", byPid.values().stream().map(Partition::name).sorted().toList()) + ")"));
    }

    /**
     * Whether the configuration {@code pid} has been decided and, if accepted, its partition has left
     * {@code declared} and {@code starting}.
     */
    boolean settled(String pid) {
        Partition p = byPid.get(pid);
        return p == null ? rejectedNew.containsKey(pid)
                : p.state() != PartitionState.DECLARED && p.state() != PartitionState.STARTING;
    }
}
