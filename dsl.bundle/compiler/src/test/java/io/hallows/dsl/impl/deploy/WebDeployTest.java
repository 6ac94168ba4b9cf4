package io.hallows.dsl.impl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.basilisk.api.Request;
import io.hallows.basilisk.api.Response;
import io.hallows.basilisk.api.WebModule;
import io.hallows.dsl.impl.compile.JavaModuleCompiler;
import io.hallows.dsl.impl.deploy.DeployReport.Outcome;
import io.hallows.dsl.runtime.impl.BundleModuleRuntime;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.testing.RecordingLogger;
import io.hallows.dsl.runtime.testing.TestFramework;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Modules with routes deployed by the real compiler into a framework whose system bundle exports
 * the Basilisk API: the revision registers its web module, an update replaces it, and a module
 * without routes neither imports the API nor publishes anything for it.
 */
class WebDeployTest {
    @TempDir
    Path storage;
    private TestFramework framework;
    private BundleContext context;
    private BundleModuleRuntime runtime;
    private Deployer deployer;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void launch() throws Exception {
        framework = new TestFramework(storage, ",io.hallows.basilisk.api;version=0.1.0");
        context = framework.context();
        runtime = new BundleModuleRuntime(context, RecordingLogger.into(log));
        deployer = new Deployer(context, new JavaModuleCompiler(), runtime, RecordingLogger.into(log));
    }

    @AfterEach
    void stop() throws Exception {
        deployer.close();
        runtime.close();
        framework.close();
    }

    private static String hello(String greeting) {
        return "module hello version \"1.0.0\";\n"
                + "service Hello {\n"
                + "    @get(\"/hello/{name}\")\n"
                + "    op hello(name: String): String { return \"" + greeting + ", \" + name; }\n"
                + "}\n";
    }

    @Test
    void aRevisionWithRoutesRegistersItsWebModuleAndAnUpdateReplacesIt() throws Exception {
        DeployReport first = deployer.deploy("hello.pt", hello("Hello"));
        assertEquals(Outcome.INSTALLED, first.outcome(), first.format());
        ServiceReference<WebModule> ref = only();
        assertEquals("hello", ref.getProperty(WebModule.MODULE));
        WebModule web = context.getService(ref);
        Bundle impl = context.getBundle(GeneratedBundle.implLocation("hello"));
        assertEquals(impl.getVersion().toString(), web.revision());
        assertEquals("Hello, ann", body(web.routes().getFirst().handle(get("ann"))));
        assertTrue(imports(impl).contains("io.hallows.basilisk.api"), imports(impl));

        DeployReport second = deployer.deploy("hello.pt", hello("Welcome"));
        assertEquals(Outcome.UPDATED, second.outcome(), second.format());
        ServiceReference<WebModule> next = only();
        assertNotEquals(ref.getProperty("service.id"), next.getProperty("service.id"));
        assertEquals("Welcome, bob", body(context.getService(next).routes().getFirst().handle(get("bob"))));
    }

    @Test
    void aModuleWithoutRoutesDoesNotImportTheWebApi() throws Exception {
        DeployReport report = deployer.deploy("plain.pt", "module plain version \"1.0.0\";\nservice P { op one(): Int { return 1; } }\n");
        assertEquals(Outcome.INSTALLED, report.outcome(), report.format());
        Bundle impl = context.getBundle(GeneratedBundle.implLocation("plain"));
        assertFalse(imports(impl).contains("basilisk"), imports(impl));
        assertNull(impl.getHeaders().get(GeneratedBundle.WEB));
        assertTrue(context.getServiceReferences(WebModule.class, null).isEmpty());
    }

    private ServiceReference<WebModule> only() throws Exception {
        Collection<ServiceReference<WebModule>> refs = context.getServiceReferences(WebModule.class, "(basilisk.module=hello)");
        assertEquals(1, refs.size(), "web modules of hello: " + refs);
        return refs.iterator().next();
    }

    private static String imports(Bundle b) {
        return b.getHeaders().get("Import-Package");
    }

    private static String body(Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static Request get(String name) {
        return new Request() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public String path() {
                return "/hello/" + name;
            }

            @Override
            public String pathParam(String param) {
                return param.equals("name") ? name : null;
            }

            @Override
            public List<String> queryParams(String param) {
                return List.of();
            }

            @Override
            public String header(String header) {
                return null;
            }

            @Override
            public byte[] body() {
                return new byte[0];
            }
        };
    }
}
