package io.hallows.kernel.impl.partition;

import org.osgi.framework.Bundle;

/** Names of bundle states for people. */
public final class BundleStates {
    private BundleStates() {
    }

    public static String label(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "uninstalled";
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.ACTIVE -> "active";
            default -> "state " + state;
        };
    }
}
