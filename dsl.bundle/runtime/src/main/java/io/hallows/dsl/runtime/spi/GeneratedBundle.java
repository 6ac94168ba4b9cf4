package io.hallows.dsl.runtime.spi;

/**
 * What ties a generated bundle to its module: its location, its manifest headers and the
 * properties of the services it publishes. The deployer's packager writes them, the deployer finds
 * bundles by location, the runtime reads the headers when it starts a revision.
 */
public final class GeneratedBundle {
    /** The module an implementation bundle belongs to: {@code Parseltongue-Module: shop}. */
    public static final String MODULE = "Parseltongue-Module";
    /** Its services: {@code Parseltongue-Services: Pricing=pt.shop.api.Pricing:pt.shop.impl.PricingImpl, ...} ({@link ServiceEntry}). */
    public static final String SERVICES = "Parseltongue-Services";
    /** Service property of every published module service: the module's name. */
    public static final String MODULE_PROPERTY = "pt.module";
    /** Service property of every published module service: the service's name in the module. */
    public static final String SERVICE_PROPERTY = "pt.service";

    private static final String LOCATION = "parseltongue:";
    private static final String API_SUFFIX = "/api";

    private GeneratedBundle() {
    }

    /** The location of {@code module}'s implementation bundle: {@code parseltongue:shop}. */
    public static String implLocation(String module) {
        return LOCATION + module;
    }

    /** The location of {@code module}'s API bundle: {@code parseltongue:shop/api}. */
    public static String apiLocation(String module) {
        return LOCATION + module + API_SUFFIX;
    }

    /** The module whose implementation bundle has this location, or null. */
    public static String moduleOfImpl(String location) {
        return location.startsWith(LOCATION) && !location.endsWith(API_SUFFIX) ? location.substring(LOCATION.length()) : null;
    }
}
