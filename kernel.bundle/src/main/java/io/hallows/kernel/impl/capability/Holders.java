package io.hallows.kernel.impl.capability;

import org.osgi.framework.Bundle;

/**
 * How the audit log and refusals name a bundle. A symbolic name is whatever the bundle declares
 * for itself, so it is never enough on its own: the bundle id and the location it was installed
 * from (chosen by whoever installed it) tell the real actor from an impostor of the same name.
 */
public final class Holders {
    private Holders() {
    }

    /** {@code io.hallows.admin [#37 stack:12]}. */
    public static String describe(Bundle bundle) {
        return bundle == null ? "?" : bundle.getSymbolicName() + " [#" + bundle.getBundleId() + " " + bundle.getLocation() + "]";
    }
}
