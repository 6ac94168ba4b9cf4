package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.quotes.CountingQuotes;
import io.hallows.run.it.fixtures.quotes.Quotes;
import io.hallows.run.it.fixtures.quotes.QuotesProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;

/**
 * {@code import java} in a real stack: a module types and calls a Java service interface exported
 * by another bundle (a test bundle, the system bundle, the JDK), and a protected service answers
 * it only once the module's bundle holds {@code service:<name> CALL}.
 */
class ParseltongueJavaImportIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.ptjava", ":configurator:version": "1.0.0",
              "io.hallows.partition~apps": { "name": "apps", "cpus": "0-1", "exclusive": false,
                  "bundles:String[]": ["pt.*"], "locations:String[]": ["parseltongue:*"] } }
            """;

    private static final String SHOP = """
            module itquoting version "1.0.0";

            import java io.hallows.run.it.fixtures.quotes.Quotes;

            service Shop {
                op price(sku: String, qty: Int): Int {
                    return Quotes.quote(sku) * qty;
                }

                op served(): Int {
                    return Quotes.served();
                }
            }
            """;

    private static final String FRAMEWORK = """
            module itlevels version "1.0.0";

            import java org.osgi.service.startlevel.StartLevel as SL;
            import java java.lang.Runnable;

            service Levels {
                op level(): Int {
                    return SL.getStartLevel();
                }
            }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "apps");

    @Test
    void aModuleCallsAProtectedJavaServiceOfAnotherBundleOnceItHoldsTheCapability() throws Exception {
        Bundle provider = stack.install(TestBundle.named("it.quotes.provider").activator(QuotesProvider.class)
                .with(Quotes.class, CountingQuotes.class)
                .header("Export-Package", Quotes.class.getPackageName())
                .header("Import-Package", "org.osgi.framework"));
        provider.start();

        String deployed = deploy("itquoting.pt", SHOP);
        assertTrue(deployed.contains("deployed (pt.itquoting.api"), deployed);

        Exception hidden = assertThrows(Exception.class, () -> stack.shell("pt:call itquoting Shop price apple 2"));
        assertTrue(hidden.getMessage().contains("no service " + Quotes.class.getName() + " is available to pt.itquoting"),
                "the protected service is hidden from a module without the capability: " + hidden.getMessage());

        String granted = stack.shell("hallows:grant pt.itquoting service:quotes CALL");
        assertTrue(granted.contains("granted"), granted);
        assertEquals("100", stack.shell("pt:call itquoting Shop price apple 2").strip(), "5 letters, 10 cents each, twice");
        assertEquals("1", stack.shell("pt:call itquoting Shop served").strip(), "an int result is an Int");
    }

    @Test
    void interfacesOfTheSystemBundleAndTheJdkResolve() throws Exception {
        String deployed = deploy("itlevels.pt", FRAMEWORK);
        assertTrue(deployed.contains("deployed (pt.itlevels.api"), deployed);
        long level = Long.parseLong(stack.shell("pt:call itlevels Levels level").strip());
        assertTrue(level >= 1, "the framework's start level: " + level);
    }

    @Test
    void checkingOneFileChecksItsImportsAgainstWhatIsDeployed() throws Exception {
        deploy("itbase.pt", """
                module itbase version "1.0.0";

                service Base {
                    op one(): Int {
                        return 1;
                    }
                }
                """);
        Path user = stack.work().resolve("ituser.pt");
        Files.writeString(user, """
                module ituser version "1.0.0";

                import service Base from itbase;
                import service Missing from itnowhere;

                service User {
                    op two(): Int {
                        return Base.two();
                    }
                }
                """);
        Exception check = assertThrows(Exception.class, () -> stack.shell("pt:check " + user));
        assertTrue(check.getMessage().contains("no module 'itnowhere' is deployed"), check.getMessage());
        assertTrue(check.getMessage().contains("error[PT0202]") && check.getMessage().contains("'two'"),
                "the call is typed against the deployed module: " + check.getMessage());
        assertTrue(stack.shell("pt:list").contains("itbase") && !stack.shell("pt:list").contains("ituser"), "a check deploys nothing");
    }

    private static String deploy(String file, String source) throws Exception {
        Path path = stack.work().resolve(file);
        Files.writeString(path, source);
        return stack.shell("pt:deploy " + path);
    }
}
