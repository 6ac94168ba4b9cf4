package io.hallows.dsl.runtime.spi;

import io.hallows.dsl.runtime.StateSink;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What makes the runtime's state store durable: where a variable's last value is read from when its
 * cell is created, and where written cells go ({@link StateSink}). The store keeps the cells in
 * memory as before; a backing only loads and persists them.
 *
 * @since 0.2
 */
@ConsumerType
public interface StateBacking extends StateSink {
    /** What the backing holds for a variable. */
    sealed interface Stored {
        /** Nothing stored: the cell starts from its initial value. */
        record Absent() implements Stored {
        }

        /** A value of the same type signature, rebuilt. */
        record Found(Object value) implements Stored {
        }

        /** A value that cannot be used: stored under another type, or unreadable (the reason says which). */
        record Unusable(String reason) implements Stored {
        }
    }

    /**
     * The stored value of {@code module}'s variable {@code name} if it was stored with type
     * signature {@code type}.
     *
     * @param classes where the module's model classes are loaded from, or null (then a stored
     *                model value is {@link Stored.Unusable})
     */
    Stored load(String module, String name, String type, ClassLoader classes);

    /** Forgets every stored variable of {@code module} (it was undeployed). */
    void drop(String module);
}
