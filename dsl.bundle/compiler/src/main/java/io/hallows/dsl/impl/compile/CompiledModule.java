package io.hallows.dsl.impl.compile;

import io.hallows.dsl.api.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * A module compiled to classes, ready to be packaged as two bundles: its API bundle (package
 * {@code pt.<module>.api}: service interfaces, models, errors), which changes only when they
 * change, and its implementation bundle (package {@code pt.<module>.impl}), a leaf that exports
 * nothing.
 *
 * @param name         the module's name ({@code shop}, {@code acme.shop})
 * @param version      the version its source declares
 * @param sourceHash   a hash of the whole source: the implementation bundle's version qualifier
 * @param apiHash      a hash of what the API bundle holds: equal hashes mean the same API classes
 * @param apiClasses   binary class name to class file, of package {@code pt.<name>.api}
 * @param implClasses  binary class name to class file, of package {@code pt.<name>.impl}
 * @param services     the services to publish, each an API interface and its implementation class
 * @param imports      the packages the implementation needs besides the JDK, this module's API and
 *                     {@code io.hallows.dsl.runtime}: other modules' API packages, Java service packages
 * @param javaSource   the generated Java, file name to text, for {@code pt:source}
 * @param warnings     diagnostics of severity warning
 */
public record CompiledModule(String name, String version, String sourceHash, String apiHash,
        Map<String, byte[]> apiClasses, Map<String, byte[]> implClasses, List<ServiceSpec> services,
        List<String> imports, Map<String, String> javaSource, List<Diagnostic> warnings) {

    /** The API package of module {@code name}. */
    public static String apiPackage(String name) {
        return "pt." + name + ".api";
    }

    /** The implementation package of module {@code name}. */
    public static String implPackage(String name) {
        return "pt." + name + ".impl";
    }

    /**
     * A service the implementation bundle publishes.
     *
     * @param name           the service's name in the module ({@code Pricing})
     * @param interfaceName  the binary name of its API interface ({@code pt.shop.api.Pricing})
     * @param implClassName  the binary name of its implementation class; it has a public
     *                       constructor taking an {@link io.hallows.dsl.runtime.ModuleContext}, and
     *                       implements {@link AutoCloseable} when it has something to release
     */
    public record ServiceSpec(String name, String interfaceName, String implClassName) {
    }
}
