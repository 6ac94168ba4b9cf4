package io.hallows.dsl.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One service of a generated implementation bundle, as its {@value GeneratedBundle#SERVICES}
 * header lists it: {@code name=interface:class}.
 *
 * @param name          the service's name in the module ({@code Pricing})
 * @param interfaceName its API interface ({@code pt.shop.api.Pricing}), the registered service type
 * @param implClassName the generated class, with a constructor taking a {@link io.hallows.dsl.runtime.ModuleContext}
 */
public record ServiceEntry(String name, String interfaceName, String implClassName) {
    /** The header's value for {@code services}. */
    public static String format(List<ServiceEntry> services) {
        return services.stream().map(s -> s.name() + "=" + s.interfaceName() + ":" + s.implClassName())
                .collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException naming the clause that is not {@code name=interface:class} */
    public static List<ServiceEntry> parse(String header) {
        List<ServiceEntry> entries = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return entries;
        }
        for (String clause : header.split(",")) {
            String c = clause.trim();
            int eq = c.indexOf('=');
            int colon = c.indexOf(':', eq + 1);
            if (eq <= 0 || colon < 0 || colon == c.length() - 1) {
                throw new IllegalArgumentException(GeneratedBundle.SERVICES + ": '" + c + "' is not name=interface:class");
            }
            entries.add(new ServiceEntry(c.substring(0, eq), c.substring(eq + 1, colon), c.substring(colon + 1)));
        }
        return entries;
    }
}
