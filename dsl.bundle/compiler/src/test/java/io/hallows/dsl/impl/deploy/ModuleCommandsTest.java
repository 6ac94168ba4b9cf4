package io.hallows.dsl.impl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.deploy.DeployReport.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pt:* commands: what they print, and the errors they throw for the shell to show. */
class ModuleCommandsTest {
    @TempDir
    Path dir;
    private final StubDeployer deployer = new StubDeployer();
    private final ModuleCommands commands = new ModuleCommands(deployer);

    @Test
    void deployPrintsTheReportAndThrowsWhenNothingWasDeployed() throws Exception {
        Path file = Files.writeString(dir.resolve("shop.pt"), "module shop version \"1.0.0\";");
        deployer.next = report(Outcome.INSTALLED, List.of());
        assertEquals("shop.pt deployed (pt.shop 1.0.0.ab12cd) in 412 ms", commands.deploy(file.toString()));
        assertEquals("module shop version \"1.0.0\";", deployer.sources.get(0));

        deployer.next = report(Outcome.REJECTED, List.of(new Diagnostic("shop.pt", 1, 8, Severity.ERROR, "PT0203", "unknown type 'Ordr'")));
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> commands.deploy(file.toString()));
        assertEquals("shop.pt not deployed: 1 error; the running version is unchanged\nshop.pt:1:8: error[PT0203]: unknown type 'Ordr'",
                rejected.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> commands.check(dir.resolve("nope.pt").toString()));
        assertEquals("no file " + dir.resolve("nope.pt"), missing.getMessage());
    }

    @Test
    void checkSaysNoProblemsOrThrowsTheErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("shop.pt"), "");
        assertEquals("shop.pt: no problems", commands.check(file.toString()));
        deployer.diagnostics = List.of(new Diagnostic("shop.pt", 2, 3, Severity.ERROR, "PT0201", "expected ';'"));
        assertEquals("shop.pt:2:3: error[PT0201]: expected ';'", assertThrows(IllegalArgumentException.class,
                () -> commands.check(file.toString())).getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsOneDiagnosticWithItsPosition() throws Exception {
        Path file = Files.write(dir.resolve("bin.pt"), new byte[] {'m', '\n', 'x', (byte) 0xFF, 0});
        String expected = "bin.pt:2:2: error[PT0107]: the file is not UTF-8 text: byte 0xFF at offset 3 starts no valid UTF-8 character"
                + " (save it as UTF-8)";
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> commands.check(file.toString())).getMessage());
        assertEquals("bin.pt not deployed: 1 error; the running version is unchanged\n" + expected,
                assertThrows(IllegalArgumentException.class, () -> commands.deploy(file.toString())).getMessage());
        assertEquals(List.of(), deployer.sources, "nothing reached the deployer");
    }

    @Test
    void listShowsATable() {
        assertEquals("no modules deployed", commands.list());
        deployer.modules = List.of(new ModuleInfo("shop", "shop.pt", "1.0.0.ab12cd", "active", 12, List.of("Pricing", "Cart")));
        assertEquals("""
                MODULE  VERSION       STATE   BUNDLE  FILE     SERVICES
                shop    1.0.0.ab12cd  active  12      shop.pt  Pricing, Cart
                """, commands.list());
    }

    @Test
    void sourceShowsEachGeneratedFile() {
        deployer.javaSource = Map.of("pt/shop/impl/PricingImpl.java", "class PricingImpl {}");
        assertEquals("// pt/shop/impl/PricingImpl.java\nclass PricingImpl {}\n", commands.source("shop"));
        deployer.javaSource = null;
        assertEquals("no module 'shop' is deployed (see pt:list)",
                assertThrows(IllegalArgumentException.class, () -> commands.source("shop")).getMessage());
    }

    private static DeployReport report(Outcome outcome, List<Diagnostic> diagnostics) {
        return new DeployReport("shop.pt", "shop", outcome, diagnostics, outcome == Outcome.INSTALLED ? List.of("pt.shop 1.0.0.ab12cd") : List.of(),
                List.of(), List.of(), List.of(), null, Duration.ofMillis(412));
    }

    private static final class StubDeployer implements ModuleDeployer {
        DeployReport next;
        List<Diagnostic> diagnostics = List.of();
        List<ModuleInfo> modules = List.of();
        Map<String, String> javaSource;
        final List<String> sources = new ArrayList<>();

        @Override
        public DeployReport deploy(String file, String source) {
            sources.add(source);
            return next;
        }

        @Override
        public List<Diagnostic> check(String file, String source) {
            return diagnostics;
        }

        @Override
        public DeployReport undeploy(String module) {
            return next;
        }

        @Override
        public List<ModuleInfo> list() {
            return modules;
        }

        @Override
        public Optional<Map<String, String>> source(String module) {
            return Optional.ofNullable(javaSource);
        }
    }
}
