package io.hallows.dsl.impl.deploy;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/** Which resolved bundle exports a package now: the framework's current wirings, newest version first. */
final class PackageExports {
    private PackageExports() {
    }

    /** The export of {@code packageName} with the highest version, among resolved bundles. */
    static Optional<BundleCapability> best(BundleContext context, String packageName) {
        return Stream.of(context.getBundles())
                .map(b -> b.adapt(BundleWiring.class))
                .filter(Objects::nonNull)
                .flatMap(w -> w.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream())
                .filter(c -> packageName.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .max(Comparator.comparing(PackageExports::version).thenComparing(c -> -bundle(c).getBundleId()));
    }

    static Version version(BundleCapability export) {
        Object v = export.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
        return v instanceof Version version ? version : Version.emptyVersion;
    }

    static Bundle bundle(BundleCapability export) {
        return export.getRevision().getBundle();
    }
}
