package io.hallows.dsl.runtime.spi;

import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.StateStore;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The state store with what a deployment needs around it: a snapshot to put back when a new
 * revision fails to start, and the cells an update reset because their type changed. Thread-safe.
 */
@ProviderType
public interface ModuleStates extends StateStore {
    /** The resets recorded for {@code module} since the last call, as messages ({@code state 'n' reset: ...}). */
    List<String> takeResets(String module);

    /** The module's cells as they are now, to {@link #restore} after a failed update. */
    Map<String, StateCell<?>> snapshot(String module);

    /** Puts back the cells of a {@link #snapshot}: cells the failed revision replaced come back. */
    void restore(String module, Map<String, StateCell<?>> snapshot);
}
