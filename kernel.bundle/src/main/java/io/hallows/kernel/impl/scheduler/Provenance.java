package io.hallows.kernel.impl.scheduler;

import org.osgi.framework.Bundle;

/**
 * How the scheduling audit names a bundle: by its installation (id and location), which the
 * integrator chose and an update keeps, with its symbolic name and version only as a hint — a
 * bundle can give itself any name.
 */
final class Provenance {
    private Provenance() {
    }

    /** {@code bundle 42 (test:it.hostile, it.hostile 1.0.0)}. */
    static String of(Bundle bundle) {
        return "bundle " + bundle.getBundleId() + " (" + bundle.getLocation() + ", " + bundle.getSymbolicName() + " "
                + bundle.getVersion() + ")";
    }
}
