package io.hallows.kernel.impl.protect;

import org.osgi.framework.Bundle;

/**
 * A kernel service object that answers each holder with a view bound to it, so that rights finer
 * than the proxy's CALL (for instance per partition) are checked against that holder.
 */
public interface PerHolder<T> {
    /** The view of this service for {@code holder}. */
    T forHolder(Bundle holder);
}
