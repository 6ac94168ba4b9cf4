package io.hallows.dsl.impl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.impl.deploy.DeployReport.Outcome;
import io.hallows.dsl.runtime.impl.BundleModuleRuntime;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.dsl.runtime.testing.TestFramework;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/** The deployer in a real framework: install, update in place, refusals, rollback, undeploy. */
class DeployerTest {
    @TempDir
    Path storage;
    private TestFramework framework;
    private BundleContext context;
    private BundleModuleRuntime runtime;
    private Deployer deployer;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void launch() throws Exception {
        framework = new TestFramework(storage);
        context = framework.context();
        runtime = new BundleModuleRuntime(context, RecordingLogger.into(log));
        deployer = new Deployer(context, new FakeCompiler(), runtime, RecordingLogger.into(log));
    }

    @AfterEach
    void stop() throws Exception {
        deployer.close();
        runtime.close();
        framework.close();
    }

    @Test
    void aNewModuleIsInstalledAndItsServiceAnswers() throws Exception {
        DeployReport report = deployer.deploy("demo.pt", Demo.counter("v1", 1));

        assertEquals(Outcome.INSTALLED, report.outcome(), report.format());
        assertEquals(2, report.installed().size());
        assertTrue(report.summary().matches("demo\\.pt deployed \\(pt\\.demo\\.api 1\\.0\\.0\\.\\w+, pt\\.demo 1\\.0\\.0\\.\\w+\\) in \\d+ ms"),
                report.summary());
        assertEquals(1L, Demo.call(context, Demo.COUNTER, "next"));
        assertEquals(2L, Demo.call(context, Demo.COUNTER, "next"));
        Bundle impl = context.getBundle(GeneratedBundle.implLocation("demo"));
        assertEquals("pt.demo", impl.getSymbolicName());
        assertEquals(Bundle.ACTIVE, impl.getState());
        assertEquals("demo", impl.getHeaders().get("Parseltongue-Module"));
        assertEquals("Counter=pt.demo.api.Counter:pt.demo.impl.CounterImpl", impl.getHeaders().get("Parseltongue-Services"));
        ModuleInfo info = deployer.list().get(0);
        assertEquals(List.of("demo", "demo.pt", "active", List.of("Counter")), List.of(info.name(), info.file(), info.state(), info.services()));
        assertTrue(deployer.source("demo").orElseThrow().containsKey("pt/demo/impl/CounterImpl.java"));
    }

    @Test
    void anImplementationChangeUpdatesOnlyTheImplementationBundleAndKeepsState() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        Demo.call(context, Demo.COUNTER, "next");
        Bundle client = Demo.installClient(context);
        Bundle api = context.getBundle(GeneratedBundle.apiLocation("demo"));
        Bundle impl = context.getBundle(GeneratedBundle.implLocation("demo"));
        long apiModified = api.getLastModified();
        List<BundleEvent> events = record(() -> {
            DeployReport report = deployer.deploy("demo.pt", Demo.counter("v2", 10));
            assertEquals(Outcome.UPDATED, report.outcome(), report.format());
            assertEquals(List.of("pt.demo"), report.refreshed());
            assertEquals(1, report.updated().size());
            assertTrue(report.updated().get(0).startsWith("pt.demo 1.0.0."));
        });

        assertEquals("v2", Demo.call(context, Demo.COUNTER, "version"));
        assertEquals(11L, Demo.call(context, Demo.COUNTER, "next"), "the count of v1 carried over");
        assertEquals(Set.of(impl.getBundleId()), events.stream().map(e -> e.getBundle().getBundleId()).collect(Collectors.toSet()),
                "only the implementation bundle changed: " + describe(events));
        assertTrue(events.stream().anyMatch(e -> e.getType() == BundleEvent.UNRESOLVED), "it was refreshed");
        assertEquals(apiModified, api.getLastModified());
        assertEquals(Bundle.ACTIVE, client.getState());
    }

    @Test
    void aChangedApiUpdatesTheApiBundleAndRefreshesItsImporters() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        Bundle client = Demo.installClient(context);
        Bundle api = context.getBundle(GeneratedBundle.apiLocation("demo"));
        String apiVersion = api.getVersion().toString();

        List<BundleEvent> events = record(() -> {
            DeployReport report = deployer.deploy("demo.pt", Demo.counterWithReset("v3"));
            assertEquals(Outcome.UPDATED, report.outcome(), report.format());
            assertEquals(2, report.updated().size(), report.format());
            assertEquals(Set.of("pt.demo.api", "pt.demo", "test.client"), Set.copyOf(report.refreshed()));
        });

        assertFalse(api.getVersion().toString().equals(apiVersion));
        assertTrue(events.stream().anyMatch(e -> e.getBundle().equals(client) && e.getType() == BundleEvent.UNRESOLVED));
        assertEquals(Bundle.ACTIVE, client.getState(), "the framework restarted the importer");
        Demo.call(context, Demo.COUNTER, "reset");
        assertEquals(1L, Demo.call(context, Demo.COUNTER, "next"));
    }

    @Test
    void aSourceWithErrorsChangesNothing() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        Bundle impl = context.getBundle(GeneratedBundle.implLocation("demo"));
        String version = impl.getVersion().toString();

        List<BundleEvent> events = record(() -> {
            DeployReport report = deployer.deploy("demo.pt", "error no such type 'Cuonter'\n" + Demo.counter("v2", 1));
            assertEquals(Outcome.REJECTED, report.outcome());
            assertEquals("demo.pt:1:1: error[PT0201]: no such type 'Cuonter'", report.diagnostics().get(0).format());
            assertEquals("demo.pt not deployed: 1 error; the running version is unchanged", report.summary());
        });
        DeployReport javac = deployer.deploy("demo.pt", Demo.counter("v2", 1).replace("return \"v2\";", "return 42;"));

        assertEquals(Outcome.REJECTED, javac.outcome());
        assertTrue(events.isEmpty(), describe(events));
        assertEquals(version, impl.getVersion().toString());
        assertEquals("v1", Demo.call(context, Demo.COUNTER, "version"));
    }

    @Test
    void aRevisionThatFailsToStartIsRolledBack() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        Demo.call(context, Demo.COUNTER, "next");
        String version = context.getBundle(GeneratedBundle.implLocation("demo")).getVersion().toString();

        DeployReport report = deployer.deploy("demo.pt", Demo.failingCounter());

        assertEquals(Outcome.ROLLED_BACK, report.outcome(), report.format());
        assertTrue(report.error().contains("failed to start: java.lang.IllegalStateException: no luck; rolled back"), report.error());
        assertEquals(version, context.getBundle(GeneratedBundle.implLocation("demo")).getVersion().toString());
        assertEquals("v1", Demo.call(context, Demo.COUNTER, "version"));
        assertEquals(2L, Demo.call(context, Demo.COUNTER, "next"));
    }

    @Test
    void aRevisionThatResetAStateAndFailedLeavesTheStateAsItWas() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        Demo.call(context, Demo.COUNTER, "next");

        DeployReport report = deployer.deploy("demo.pt", Demo.failingCounterOfStrings());

        assertEquals(Outcome.ROLLED_BACK, report.outcome(), report.format());
        assertEquals(2L, Demo.call(context, Demo.COUNTER, "next"), "the restarted revision has the count it had");
        assertTrue(report.notes().isEmpty(), report.format());
    }

    @Test
    void aNewModuleThatFailsToStartLeavesNothingInstalled() {
        DeployReport report = deployer.deploy("demo.pt", Demo.failingCounter());

        assertEquals(Outcome.ROLLED_BACK, report.outcome(), report.format());
        assertNull(context.getBundle(GeneratedBundle.implLocation("demo")));
        assertNull(context.getBundle(GeneratedBundle.apiLocation("demo")));
        assertTrue(deployer.list().isEmpty());
    }

    @Test
    void aStateWhoseTypeChangedIsResetAndReported() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        Demo.call(context, Demo.COUNTER, "next");

        DeployReport report = deployer.deploy("demo.pt", Demo.counterOfStrings());

        assertEquals(List.of("demo: state 'count' reset: type changed from Long to String"), report.notes());
        assertEquals(1L, Demo.call(context, Demo.COUNTER, "next"));
    }

    @Test
    void aFileThatNowHoldsARenamedModuleReplacesTheOldModule() throws Exception {
        assertEquals(Outcome.INSTALLED, deployer.deploy("demo.pt", Demo.counter("v1", 1)).outcome());
        DeployReport renamed = deployer.deploy("demo.pt", Demo.counter("v1", 1).replace("demo", "renamed"));
        assertEquals(Outcome.INSTALLED, renamed.outcome(), renamed.format());
        assertTrue(renamed.notes().contains("demo.pt now holds module renamed: module demo, deployed from it before, was undeployed"),
                renamed.format());
        assertEquals(List.of("renamed"), deployer.list().stream().map(ModuleInfo::name).toList(), "one module per file");
        assertNull(context.getServiceReference(Demo.COUNTER), "the old module's service is gone");
        assertEquals("v1", Demo.call(context, "pt.renamed.api.Counter", "version"));
    }

    @Test
    void theSameSourceAgainChangesNothing() {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        List<BundleEvent> events = record(() -> assertEquals(Outcome.UNCHANGED, deployer.deploy("demo.pt", Demo.counter("v1", 1)).outcome()));
        assertTrue(events.isEmpty(), describe(events));
    }

    @Test
    void undeployRemovesTheBundlesAndTheState() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        Demo.call(context, Demo.COUNTER, "next");

        DeployReport report = deployer.undeploy("demo");

        assertEquals(Outcome.UNDEPLOYED, report.outcome());
        assertEquals(Set.of("pt.demo", "pt.demo.api"), Set.copyOf(report.refreshed()));
        assertNull(context.getBundle(GeneratedBundle.implLocation("demo")));
        assertNull(context.getBundle(GeneratedBundle.apiLocation("demo")));
        assertNull(context.getServiceReference(Demo.COUNTER));
        assertTrue(deployer.list().isEmpty());
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        assertEquals(1L, Demo.call(context, Demo.COUNTER, "next"), "the count started again");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> deployer.undeploy("shop"));
        assertEquals("no module 'shop' is deployed (deployed: demo)", unknown.getMessage());
    }

    @Test
    void aModuleThatImportsAChangedApiIsRecompiledAgainstIt() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        assertEquals(Outcome.INSTALLED, deployer.deploy("user.pt", Demo.user("")).outcome());
        assertEquals(1L, Demo.call(context, "pt.user.api.Tally", "tally"), "user calls demo through its context");

        DeployReport report = deployer.deploy("demo.pt", Demo.counterWithReset("v3"));

        assertEquals(Outcome.UPDATED, report.outcome(), report.format());
        assertTrue(report.notes().contains("recompiled user (user.pt) against the new API of demo"), report.format());
        assertTrue(report.updated().stream().anyMatch(u -> u.startsWith("pt.user 1.0.0.")), report.format());
        assertEquals(2L, Demo.call(context, "pt.user.api.Tally", "tally"));
        IllegalArgumentException imported = assertThrows(IllegalArgumentException.class, () -> deployer.undeploy("demo"));
        assertEquals("module 'demo' is imported by user (user.pt): undeploy it first", imported.getMessage());
    }

    @Test
    void anApiChangeThatBreaksAnImporterIsRefused() throws Exception {
        deployer.deploy("demo.pt", Demo.counterWithReset("v1"));
        deployer.deploy("user.pt", Demo.user("c.reset();"));
        String version = context.getBundle(GeneratedBundle.apiLocation("demo")).getVersion().toString();

        DeployReport report = deployer.deploy("demo.pt", Demo.counter("v2", 1));

        assertEquals(Outcome.REJECTED, report.outcome(), report.format());
        assertEquals("user.pt", report.diagnostics().get(0).file());
        assertTrue(report.notes().contains("user.pt (module user) imports the API of demo and no longer compiles against the new one; nothing was deployed"));
        assertEquals(version, context.getBundle(GeneratedBundle.apiLocation("demo")).getVersion().toString());
        assertEquals(1L, Demo.call(context, "pt.user.api.Tally", "tally"));
    }

    @Test
    void aNewDeployerOverTheSameRuntimeTakesTheModulesOverWithTheirState() throws Exception {
        deployer.deploy("demo.pt", Demo.counter("v1", 1));
        assertEquals(1L, Demo.call(context, Demo.COUNTER, "next"));
        Bundle impl = context.getBundle(GeneratedBundle.implLocation("demo"));

        deployer.close();
        assertEquals(Bundle.ACTIVE, impl.getState(), "the module's bundle belongs to the runtime, not to the deployer");
        assertEquals(2L, Demo.call(context, Demo.COUNTER, "next"), "it serves while no deployer runs");
        deployer = new Deployer(context, new FakeCompiler(), runtime, RecordingLogger.into(log));
        deployer.restored().get(30, TimeUnit.SECONDS);

        assertEquals("demo", deployer.list().get(0).name());
        DeployReport report = deployer.deploy("demo.pt", Demo.counter("v2", 10));
        assertEquals(Outcome.UPDATED, report.outcome(), report.format());
        assertEquals(12L, Demo.call(context, Demo.COUNTER, "next"), "the new deployer's revision on the count kept by the runtime");
    }

    @Test
    void onlyBundlesTheDeployerInstalledGetAContext() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> runtime.start(context));
        assertTrue(refused.getMessage().endsWith("was not installed by the Parseltongue deployer"), refused.getMessage());
    }

    /** The bundle events {@code action} causes, delivered synchronously. */
    private List<BundleEvent> record(Runnable action) {
        List<BundleEvent> events = new CopyOnWriteArrayList<>();
        SynchronousBundleListener listener = events::add;
        context.addBundleListener(listener);
        try {
            action.run();
        } finally {
            context.removeBundleListener(listener);
        }
        return events;
    }

    private static String describe(List<BundleEvent> events) {
        return events.stream().map(e -> e.getBundle().getSymbolicName() + ":" + e.getType()).toList().toString();
    }
}
