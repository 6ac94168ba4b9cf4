package io.hallows.dsl.runtime;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the cells of a durable state store are persisted: {@link StateWrites} hands it the cells an
 * operation wrote when the operation ends.
 *
 * @since 0.2
 */
@ConsumerType
public interface StateSink {
    /**
     * Persists what each of {@code cells} holds now, all in one transaction, and returns once that
     * is durable. Every cell was made by the store this sink belongs to. Never throws: a failure is
     * logged by the sink, which tries those cells again with its next write.
     */
    void persist(List<StateCell<?>> cells);
}
