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
    /**
     * The web module of an implementation bundle whose module declares routes: the binary name of a
     * generated class with a constructor {@code (ModuleContext, Map<String, Object> servicesByName,
     * String revision)}, registered as {@value #WEB_MODULE_SERVICE} when the revision starts.
     */
    public static final String WEB = "Parseltongue-Web";
    /** The service interface a web module is registered under (the Basilisk API; named, not imported). */
    public static final String WEB_MODULE_SERVICE = "io.hallows.basilisk.api.WebModule";
    /** Service property of a web module: the module's name ({@code WebModule.MODULE}). */
    public static final String WEB_MODULE_PROPERTY = "basilisk.module";
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
