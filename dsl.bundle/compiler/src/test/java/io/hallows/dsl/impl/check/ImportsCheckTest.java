package io.hallows.dsl.impl.check;

import static io.hallows.dsl.impl.check.Check.diagnostics;
import static io.hallows.dsl.impl.check.Check.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallows.dsl.impl.FrontEnd;
import io.hallows.dsl.impl.compile.ClassLibrary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Imports of other modules' services (from their source) and of Java interfaces (by reflection). */
class ImportsCheckTest {
    private static final String SHOP = "module shop version \"1\";\nmodel Order { sku: String, qty: Int }\n"
            + "error UnknownSku { sku: String }\nservice Pricing {\n    op price(o: Order): Int raises UnknownSku {\n"
            + "        raise UnknownSku { sku: o.sku };\n    }\n}\n";
    private static final Map<String, String> MODULES = Map.of("shop", SHOP,
            "broken", "module broken version \"1\";\nservice B {\n    op f(): Intt {\n        return 1;\n    }\n}\n",
            "loop", "module loop version \"1\";\nimport service C from client;\nservice L {\n}\n");
    private static final ClassLibrary CLASSES = new ClassLibrary() {
        @Override
        public List<ClassFile> list(String packageName) {
            return List.of();
        }

        @Override
        public Optional<Class<?>> load(String binaryName) {
            try {
                return Optional.of(Class.forName(binaryName));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        }
    };

    private static List<String> check(String body) {
        String source = "module client version \"1\";\n" + body;
        Environment environment = new Environment(name -> Optional.ofNullable(MODULES.get(name)), CLASSES);
        return diagnostics(FrontEnd.analyze("client.pt", source, environment).diagnostics());
    }

    @Test
    void servicesOfOtherModulesAreTypedFromTheirSource() {
        String use = "import service Pricing from shop;\nservice C {\n    op f(sku: String): Int {\n        try {\n"
                + "            return Pricing.price(Order { sku: sku, qty: 1 });\n        } catch UnknownSku e {\n"
                + "            return 0;\n        }\n    }\n}\n";
        assertEquals(List.of(), check(use));
        one(check(use.replace("qty: 1", "qty: \"1\"")), "PT0301", "field 'qty' of Order: expected Int, found String");
        one(check(use.replace("Pricing.price(", "Pricing.prise(")), "PT0202", "service 'Pricing' has no operation 'prise' (did you mean 'price'?)");
    }

    @Test
    void importedErrorsMustBeHandled() {
        one(check("import service Pricing from shop;\nservice C {\n    op f(o: shop.Order): Int {\n        return Pricing.price(o);\n"
                + "    }\n}\n"), "PT0405", "'price' raises UnknownSku, which is neither caught nor declared");
    }

    @Test
    void unresolvedImports() {
        one(check("import service Pricing from shops;\n"), "PT0205", "no module 'shops' is deployed");
        one(check("import service Pricng from shop;\n"), "PT0205", "module 'shop' has no service 'Pricng' (did you mean 'Pricing'?)");
        one(check("import service B from broken;\n"), "PT0205", "module 'broken' does not compile: broken.pt:3:13: error[PT0203]");
        one(check("import service L from loop;\n"), "PT0205", "import cycle: client -> loop -> client");
        one(check("import java java.util.ArrayList;\n"), "PT0205", "'java.util.ArrayList' is a class; only Java service interfaces");
        one(check("import java a.b.Missing;\n"), "PT0205", "no Java interface 'a.b.Missing' is visible");
        one(check("import service Pricing from shop;\nimport java a.Pricing;\n"), "PT0204", "'Pricing' is already declared or imported");
    }

    @Test
    void javaInterfacesAreTypedByReflection() {
        String use = "import java java.util.function.LongSupplier as Clock;\nimport java java.lang.CharSequence;\n"
                + "service C {\n    op now(): Int {\n        return Clock.getAsLong();\n    }\n    op size(): Int {\n"
                + "        return CharSequence.length();\n    }\n}\n";
        assertEquals(List.of(), check(use));
        one(check(use.replace("CharSequence.length()", "CharSequence.subSequence(0, 1).length()")), "PT0308",
                "method 'subSequence' of Java interface java.lang.CharSequence cannot be called from Parseltongue: its result type"
                        + " java.lang.CharSequence is not usable");
    }

    @Test
    void aFileCheckedAloneTakesItsImportsOnTrust() {
        assertEquals(List.of(), diagnostics("module client version \"1\";\nimport service Pricing from shop;\nservice C {\n"
                + "    op f(sku: String): Int {\n        try {\n            return Pricing.anything(sku, 1);\n"
                + "        } catch UnknownSku e {\n            return 0;\n        }\n    }\n}\n"));
    }
}
