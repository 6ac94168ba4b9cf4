package io.hallows.dsl.impl.compile;

import io.hallows.dsl.runtime.StateStore;
import io.hallows.dsl.runtime.local.LocalModuleContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The runtime's local context, recording what tests check: the module's log lines, and the
 * {@code partition/key} of every {@code runIn} (the body runs on the caller's thread).
 */
final class TestContext extends LocalModuleContext {
    final List<String> logs;
    final List<String> partitions = Collections.synchronizedList(new ArrayList<>());

    TestContext(String module, StateStore state) {
        this(module, state, Collections.synchronizedList(new ArrayList<>()));
    }

    private TestContext(String module, StateStore state, List<String> logs) {
        super(module, state, logs::add);
        this.logs = logs;
    }

    @Override
    public <T> T runIn(String partition, Object key, Callable<T> body) throws Exception {
        partitions.add(partition + "/" + key);
        return super.runIn(partition, key, body);
    }
}
