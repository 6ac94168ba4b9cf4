package io.hallows.dsl.impl.deploy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The modules the deployer's tests deploy (in {@link FakeCompiler}'s format), and how tests call them. */
final class Demo {
    static final String COUNTER = "pt.demo.api.Counter";

    static final String API = """
            package pt.demo.api;
            public interface Counter { long next(); String version(); }
            """;

    static final String API_WITH_RESET = """
            package pt.demo.api;
            public interface Counter { long next(); String version(); void reset(); }
            """;

    private Demo() {
    }

    /** Module demo: a Counter that adds {@code step} to the stored count, and answers {@code version}. */
    static String counter(String version, long step) {
        return module(API, impl(version, "Long", "0L", "count.updateAndGet(n -> n + " + step + "L)", ""));
    }

    /** The same with the API that has reset(). */
    static String counterWithReset(String version) {
        return module(API_WITH_RESET, impl(version, "Long", "0L", "count.updateAndGet(n -> n + 1L)",
                "public void reset() { count.set(0L); }"));
    }

    /** A counter whose state has another type (so the stored count is reset). */
    static String counterOfStrings() {
        return module(API, impl("strings", "String", "\"\"", "{ String s = count.updateAndGet(v -> v + \"x\"); return s.length(); }", ""));
    }

    /** A counter that changes the state's type, then throws from its constructor. */
    static String failingCounterOfStrings() {
        return counterOfStrings().replace("() -> \"\"); }", "() -> \"\"); if (count != null) throw new IllegalStateException(\"no luck\"); }");
    }

    /** A counter whose constructor throws. */
    static String failingCounter() {
        return module(API, impl("broken", "Long", "0L", "1L", "").replace("count = ctx.state()",
                "if (true) throw new IllegalStateException(\"no luck\"); count = ctx.state()"));
    }

    static String module(String api, String impl) {
        return "module demo 1.0.0\nservice Counter\n--- api Counter\n" + api + "--- impl CounterImpl\n" + impl;
    }

    private static String impl(String version, String type, String initial, String next, String more) {
        String body = next.startsWith("{") ? next : "{ return " + next + "; }";
        return """
                package pt.demo.impl;
                import io.hallows.dsl.runtime.ModuleContext;
                import io.hallows.dsl.runtime.StateCell;
                public final class CounterImpl implements pt.demo.api.Counter {
                    private final StateCell<TYPE> count;
                    public CounterImpl(ModuleContext ctx) { count = ctx.state().cell(ctx.module(), "count", "TYPE", () -> INITIAL); }
                    public long next() BODY
                    public String version() { return "VERSION"; }
                    MORE
                }
                """.replace("TYPE", type).replace("INITIAL", initial).replace("BODY", body).replace("VERSION", version).replace("MORE", more);
    }

    /** Module {@code user}: a Tally service that calls demo's Counter through its context. */
    static String user(String extra) {
        return """
                module user 1.0.0
                service Tally
                import pt.demo.api
                --- api Tally
                package pt.user.api;
                public interface Tally { long tally(); }
                --- impl TallyImpl
                package pt.user.impl;
                import io.hallows.dsl.runtime.ModuleContext;
                public final class TallyImpl implements pt.user.api.Tally {
                    private final ModuleContext ctx;
                    public TallyImpl(ModuleContext ctx) { this.ctx = ctx; }
                    public long tally() { pt.demo.api.Counter c = ctx.service(pt.demo.api.Counter.class); EXTRA return c.next(); }
                }
                """.replace("EXTRA", extra);
    }

    /** Calls a method of the service registered under {@code type}, as any bundle would. */
    static Object call(BundleContext context, String type, String method) throws Exception {
        ServiceReference<?> ref = context.getServiceReference(type);
        if (ref == null) {
            throw new IllegalStateException("no service " + type);
        }
        Object service = context.getService(ref);
        try {
            Method m = service.getClass().getMethod(method);
            return m.invoke(service);
        } finally {
            context.ungetService(ref);
        }
    }

    /** A plain bundle that imports {@code pt.demo.api}, as a hand-written client of a module would. */
    static Bundle installClient(BundleContext context) throws Exception {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.client");
        a.putValue("Import-Package", "pt.demo.api");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        Bundle client = context.installBundle("test:client", new ByteArrayInputStream(bytes.toByteArray()));
        client.start();
        return client;
    }
}
