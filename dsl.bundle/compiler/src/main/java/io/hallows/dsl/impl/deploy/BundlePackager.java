package io.hallows.dsl.impl.deploy;

import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import io.hallows.dsl.impl.compile.CompiledModule;
import io.hallows.dsl.impl.gen.RouteGenerator;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.spi.ServiceEntry;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Version;

/**
 * Packages a compiled module as its two bundles, in memory, with bndlib's {@link Builder}:
 * <ul>
 * <li>the API bundle {@code pt.<module>.api}, version {@code <moduleVersion>.<apiHash>}, exporting
 * {@code pt.<module>.api} at that version: the same API gives the same bytes (reproducible);</li>
 * <li>the implementation bundle {@code pt.<module>}, version {@code <moduleVersion>.<sourceHash>}, a
 * leaf that exports nothing, imports exactly its own API's version, the runtime package and what the
 * module imports, and names the services its {@link io.hallows.dsl.runtime.ModuleActivator} publishes.</li>
 * </ul>
 * Another module's API package is imported at exactly the version deployed, so a changed API
 * never wires to code compiled against the old one. An importer recompiled against a changed API
 * keeps its version (the same source) but not its bytes: the deployer compares bytes.
 */
final class BundlePackager {
    private static final String RUNTIME = "io.hallows.dsl.runtime";

    private final String runtimeRange;

    /** @param runtimeVersion the version the framework exports {@code io.hallows.dsl.runtime} at */
    BundlePackager(Version runtimeVersion) {
        this.runtimeRange = "[" + runtimeVersion.getMajor() + "." + runtimeVersion.getMinor() + ","
                + runtimeVersion.getMajor() + "." + (runtimeVersion.getMinor() + 1) + ")";
    }

    /** The two bundles of a module, with their versions. */
    record Packaged(String module, Version apiVersion, byte[] api, Version implVersion, byte[] impl) {
    }

    static Version apiVersion(CompiledModule m) {
        return withQualifier(m, m.apiHash());
    }

    static Version implVersion(CompiledModule m) {
        return withQualifier(m, m.sourceHash());
    }

    /**
     * @param apiVersions the version of each other module's API package, by package name
     * @throws IllegalStateException with bnd's errors when a bundle cannot be built
     */
    Packaged pack(CompiledModule m, Map<String, Version> apiVersions) {
        String apiPackage = CompiledModule.apiPackage(m.name());
        Version apiVersion = apiVersion(m);
        Version implVersion = implVersion(m);

        Map<String, String> apiHeaders = Map.of(
                Constants.BUNDLE_SYMBOLICNAME, "pt." + m.name() + ".api",
                Constants.BUNDLE_VERSION, apiVersion.toString(),
                Constants.BUNDLE_NAME, "Parseltongue module " + m.name() + ": API",
                Constants.EXPORT_PACKAGE, m.apiClasses().isEmpty() ? "" : apiPackage + ";version=\"" + apiVersion + "\"",
                GeneratedBundle.MODULE, m.name());
        // The API imports only what its classes refer to: bnd finds that out, then the other
        // modules' API packages among them are pinned.
        byte[] api = build(m.name() + ".api", m.apiClasses(), apiHeaders, "*");
        List<String> referred = pinnable(api, apiVersions);
        if (!referred.isEmpty()) {
            api = build(m.name() + ".api", m.apiClasses(), apiHeaders, imports(referred, apiVersions));
        }

        List<String> implImports = new ArrayList<>();
        if (!m.apiClasses().isEmpty()) {
            implImports.add(apiPackage + ";version=\"[" + apiVersion + "," + apiVersion + "]\"");
        }
        implImports.add(RUNTIME + ";version=\"" + runtimeRange + "\"");
        implImports.add(imports(m.imports(), apiVersions));
        Map<String, String> implHeaders = new java.util.HashMap<>(Map.of(
                Constants.BUNDLE_SYMBOLICNAME, "pt." + m.name(),
                Constants.BUNDLE_VERSION, implVersion.toString(),
                Constants.BUNDLE_NAME, "Parseltongue module " + m.name(),
                Constants.PRIVATE_PACKAGE, CompiledModule.implPackage(m.name()),
                Constants.BUNDLE_ACTIVATOR, RUNTIME + ".ModuleActivator",
                GeneratedBundle.MODULE, m.name(),
                GeneratedBundle.SERVICES, ServiceEntry.format(m.services().stream()
                        .map(s -> new ServiceEntry(s.name(), s.interfaceName(), s.implClassName())).toList())));
        String web = CompiledModule.implPackage(m.name()) + "." + RouteGenerator.CLASS;
        if (m.implClasses().containsKey(web)) {
            implHeaders.put(GeneratedBundle.WEB, web);
        }
        byte[] impl = build(m.name(), m.implClasses(), implHeaders, String.join(",", implImports));
        return new Packaged(m.name(), apiVersion, api, implVersion, impl);
    }

    /** {@code packages}, other modules' API packages pinned to their deployed version, then what bnd finds. */
    private static String imports(List<String> packages, Map<String, Version> apiVersions) {
        List<String> clauses = new ArrayList<>();
        for (String pkg : packages) {
            Version v = apiVersions.get(pkg);
            clauses.add(v == null ? pkg : pkg + ";version=\"[" + v + "," + v + "]\"");
        }
        clauses.add("*");
        return String.join(",", clauses);
    }

    /** The packages a built bundle imports that are other modules' APIs. */
    private static List<String> pinnable(byte[] bundle, Map<String, Version> apiVersions) {
        try (Jar jar = new Jar("built", new java.io.ByteArrayInputStream(bundle))) {
            String header = jar.getManifest().getMainAttributes().getValue(Constants.IMPORT_PACKAGE);
            return header == null ? List.of() : new Parameters(header).keySet().stream().filter(apiVersions::containsKey).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the bundle bnd built: " + e, e);
        }
    }

    private static byte[] build(String name, Map<String, byte[]> classes, Map<String, String> headers, String imports) {
        try (Builder builder = new Builder(); Jar content = new Jar(name)) {
            classes.forEach((binaryName, bytes) ->
                    content.putResource(binaryName.replace('.', '/') + ".class", new EmbeddedResource(bytes, 0L)));
            builder.addClasspath(content);
            headers.forEach(builder::setProperty);
            builder.setProperty(Constants.IMPORT_PACKAGE, imports);
            builder.setProperty(Constants.NOEXTRAHEADERS, "true");
            builder.setProperty(Constants.REPRODUCIBLE, "true");
            // Generated code runs on the JVM that compiled it: no osgi.ee requirement (bnd 7.1
            // does not know the newest class file versions).
            builder.setProperty(Constants.NOEE, "true");
            builder.setProperty(Constants.REMOVEHEADERS, Constants.PRIVATE_PACKAGE + "," + Constants.INCLUDE_RESOURCE);
            Jar jar = builder.build();
            if (!builder.isOk()) {
                throw new IllegalStateException("packaging pt." + name + " failed: " + String.join("; ", builder.getErrors()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            jar.write(out);
            return out.toByteArray();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("packaging pt." + name + " failed: " + e, e);
        }
    }

    private static Version withQualifier(CompiledModule m, String hash) {
        Version declared;
        try {
            declared = Version.parseVersion(m.version());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("module " + m.name() + ": version '" + m.version() + "' is not major.minor.micro", e);
        }
        String qualifier = hash.replaceAll("[^A-Za-z0-9_-]", "_");
        return new Version(declared.getMajor(), declared.getMinor(), declared.getMicro(), qualifier.isEmpty() ? "0" : qualifier);
    }
}
