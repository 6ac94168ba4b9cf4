package io.hallows.dsl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When durable cells are handed to their sink: at the end of the outermost operation on the thread, each once. */
class StateWritesTest {
    /** A sink that records each call: the names of the cells and the values they held then. */
    private static final class Recording implements StateSink {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public void persist(List<StateCell<?>> cells) {
            calls.add(cells.stream().map(c -> c.name() + "=" + c.get()).toList());
        }
    }

    @Test
    void theOutermostOperationPersistsEachCellItsCallsWroteOnceWithItsLastValue() {
        Recording sink = new Recording();
        StateCell<Long> a = new StateCell<>("m", "a", "Int", 0L, false, sink);
        StateCell<Long> b = new StateCell<>("m", "b", "Int", 0L, false, sink);
        StateWrites.Scope outer = StateWrites.enter();
        a.set(1L);
        StateWrites.Scope inner = StateWrites.enter();
        b.updateAndGet(v -> v + 5);
        a.set(2L);
        inner.exit();
        assertEquals(List.of(), sink.calls, "a nested operation does not persist");
        outer.exit();
        assertEquals(List.of(List.of("a=2", "b=5")), sink.calls);
    }

    @Test
    void cellsOfTwoStoresGoToTheirOwnSinks() {
        Recording first = new Recording();
        Recording second = new Recording();
        StateCell<String> x = new StateCell<>("m", "x", "String", "", false, first);
        StateCell<String> y = new StateCell<>("n", "y", "String", "", false, second);
        StateWrites.Scope op = StateWrites.enter();
        x.set("1");
        y.getAndSet("2");
        op.exit();
        assertEquals(List.of(List.of("x=1")), first.calls);
        assertEquals(List.of(List.of("y=2")), second.calls);
    }

    @Test
    void aWriteOutsideAnOperationIsPersistedAtOnceAndACellWithoutSinkNever() {
        Recording sink = new Recording();
        StateCell<Long> durable = new StateCell<>("m", "d", "Int", 0L, false, sink);
        StateCell<Long> memory = new StateCell<>("Int", 0L, false);
        durable.set(3L);
        memory.set(4L);
        assertEquals(List.of(List.of("d=3")), sink.calls);
    }

    @Test
    void closingABracketThatIsNotOpenIsAnError() {
        StateWrites.Scope op = StateWrites.enter();
        op.exit();
        assertThrows(IllegalStateException.class, op::exit);
    }
}
