package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.impl.compile.CompiledModule.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The manifest headers and bundle locations that tie a generated bundle to its module. The
 * packager writes them, the deployer finds bundles by location, the activator reads the headers.
 */
final class ModuleHeaders {
    /** The module an implementation bundle belongs to: {@code Parseltongue-Module: shop}. */
    static final String MODULE = "Parseltongue-Module";
    /** Its services: {@code Parseltongue-Services: Pricing=pt.shop.api.Pricing:pt.shop.impl.PricingImpl, ...}. */
    static final String SERVICES = "Parseltongue-Services";
    /** Service properties of every published module service. */
    static final String MODULE_PROPERTY = "pt.module";
    static final String SERVICE_PROPERTY = "pt.service";

    private static final String LOCATION = "parseltongue:";
    private static final String API_SUFFIX = "/api";

    private ModuleHeaders() {
    }

    static String implLocation(String module) {
        return LOCATION + module;
    }

    static String apiLocation(String module) {
        return LOCATION + module + API_SUFFIX;
    }

    /** The module whose implementation bundle has this location, or null. */
    static String moduleOfImpl(String location) {
        return location.startsWith(LOCATION) && !location.endsWith(API_SUFFIX) ? location.substring(LOCATION.length()) : null;
    }

    static String formatServices(List<ServiceSpec> services) {
        return services.stream().map(s -> s.name() + "=" + s.interfaceName() + ":" + s.implClassName())
                .collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException naming the clause that is not {@code name=interface:class} */
    static List<ServiceSpec> parseServices(String header) {
        List<ServiceSpec> specs = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return specs;
        }
        for (String clause : header.split(",")) {
            String c = clause.trim();
            int eq = c.indexOf('=');
            int colon = c.indexOf(':', eq + 1);
            if (eq <= 0 || colon < 0 || colon == c.length() - 1) {
                throw new IllegalArgumentException(SERVICES + ": '" + c + "' is not name=interface:class");
            }
            specs.add(new ServiceSpec(c.substring(0, eq), c.substring(eq + 1, colon), c.substring(colon + 1)));
        }
        return specs;
    }
}
