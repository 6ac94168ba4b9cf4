package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module deployed with {@code pt:deploy} from a file outside the watched folder is kept in the
 * stack's data area and comes back after the stack restarts; the audit log of the first run is
 * there in the second.
 */
class ParseltongueRestartIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.pt.restart", ":configurator:version": "1.0.0",
              "io.hallows.partition~apps": { "name": "apps", "cpus": "0-1", "exclusive": false,
                  "bundles:String[]": ["pt.*"], "locations:String[]": ["parseltongue:*"] } }
            """;
    private static final String GREETER = """
            module itkept version "1.0.0";

            service Greeter {
                op greet(name: String): String {
                    return "kept " + name;
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void aDeployedModuleAndTheAuditLogSurviveARestartOfTheStack() throws Exception {
        Path source = work.resolve("elsewhere").resolve("itkept.pt");
        Files.createDirectories(source.getParent());
        Files.writeString(source, GREETER);
        try (Stack first = Stack.boot(work, STACK)) {
            String deployed = first.shell("pt:deploy " + source);
            assertTrue(deployed.contains("itkept"), deployed);
            assertEquals("kept Ana", first.shell("pt:call itkept Greeter greet Ana").strip());
        }
        Files.delete(source); // only the data area has it now
        try (Stack second = Stack.boot(work, STACK)) {
            second.shell("pt:await itkept 60000");
            assertEquals("kept Bo", second.shell("pt:call itkept Greeter greet Bo").strip(), "redeployed from the data area");
            String audit = second.shell("hallows:audit 10000");
            assertTrue(audit.contains("Hallows kernel stopped"), "the first run's clean stop is in the second run's audit log");
        }
        assertTrue(Files.exists(work.resolve("data/parseltongue/modules/itkept/itkept.pt")), "kept in the data area");
    }
}
