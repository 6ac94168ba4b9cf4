package io.hallows.hal.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Support;
import io.hallows.hal.impl.jnr.NativeHal;
import io.hallows.hal.impl.portable.PortableHal;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HalSelectionTest {
    private static final UnaryOperator<String> NO_PROPERTIES = name -> null;

    @Test
    void onLinuxWithJnrTheNativeHalAnswers() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        Hal hal = HalSelection.select(NO_PROPERTIES);

        assertInstanceOf(NativeHal.class, hal);
        assertTrue(hal.platform().endsWith("JNR-FFI native path"), hal.platform());
    }

    @Test
    void thePropertyFalseForcesThePortablePath() {
        for (String value : new String[] {"false", " FALSE "}) {
            Hal hal = HalSelection.select(name -> name.equals("hallows.hal.native") ? value : null, "Linux",
                    files -> { throw new AssertionError("the native loader must not be tried"); });

            assertInstanceOf(PortableHal.class, hal);
            assertTrue(hal.platform().endsWith("portable path (hallows.hal.native=false)"), hal.platform());
            assertTrue(pin(hal).detail().contains("hallows.hal.native=false"), pin(hal).toString());
        }
    }

    @Test
    void anotherOperatingSystemGetsThePortablePath() {
        Hal hal = HalSelection.select(NO_PROPERTIES, "Mac OS X", files -> { throw new AssertionError("not on macOS"); });

        assertTrue(hal.platform().endsWith("portable path (the native path is for Linux, this is Mac OS X)"), hal.platform());
    }

    @Test
    void aLinkageFailureFallsBackToPortableAndKeepsTheReason() {
        Function<PortableHal, Hal> missingJnr = files -> { throw new NoClassDefFoundError("jnr/ffi/Pointer"); };
        Function<PortableHal, Hal> missingJffi = files -> { throw new UnsatisfiedLinkError("could not locate stub library"); };
        Function<PortableHal, Hal> brokenInit = files -> { throw new ExceptionInInitializerError("jffi init"); };

        Hal noJnr = HalSelection.select(NO_PROPERTIES, "Linux", missingJnr);
        assertTrue(noJnr.platform().endsWith("portable path (JNR-FFI did not load: NoClassDefFoundError: jnr/ffi/Pointer)"),
                noJnr.platform());
        assertTrue(pin(noJnr).detail().contains("JNR-FFI did not load"), pin(noJnr).toString());
        assertTrue(HalSelection.select(NO_PROPERTIES, "Linux", missingJffi).platform()
                .contains("UnsatisfiedLinkError: could not locate stub library"));
        assertInstanceOf(PortableHal.class, HalSelection.select(NO_PROPERTIES, "Linux", brokenInit));
    }

    @Test
    void withoutJnrVisibleTheComponentFallsBackToPortable() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        // The bundle's own classes in a loader that sees the JDK only, as in a stack without JNR's bundles.
        URL bundleClasses = HalComponent.class.getProtectionDomain().getCodeSource().getLocation();
        URL apiClasses = Hal.class.getProtectionDomain().getCodeSource().getLocation(); // the API bundle's jar
        try (URLClassLoader withoutJnr = new URLClassLoader(new URL[] {bundleClasses, apiClasses}, ClassLoader.getPlatformClassLoader())) {
            Object component = withoutJnr.loadClass(HalComponent.class.getName()).getConstructor().newInstance();
            String platform = (String) component.getClass().getMethod("platform").invoke(component);

            assertTrue(platform.contains("portable path (JNR-FFI did not load: NoClassDefFoundError: jnr/ffi/"), platform);
        }
    }

    @Test
    void aNativePathThatFailsOtherwiseStillLeavesAPortableHalThatSaysWhy() {
        IllegalStateException bug = new IllegalStateException("a bug in the native HAL");
        Hal hal = HalSelection.select(NO_PROPERTIES, "Linux", files -> { throw bug; });
        assertTrue(hal.platform().contains("the native path failed: java.lang.IllegalStateException: a bug in the native HAL"),
                hal.platform());
        assertEquals(Support.UNSUPPORTED, hal.pin(CpuSet.of(0)).support());
    }

    @Test
    void theComponentHonoursTheSystemProperty() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        String before = System.getProperty(HalSelection.NATIVE_PROPERTY);
        try {
            System.setProperty(HalSelection.NATIVE_PROPERTY, "false");
            HalComponent portable = new HalComponent();
            assertTrue(portable.platform().endsWith("portable path (hallows.hal.native=false)"), portable.platform());
            assertEquals(Support.UNSUPPORTED, portable.monotonicRawNanos().support());

            System.clearProperty(HalSelection.NATIVE_PROPERTY);
            HalComponent nativeHal = new HalComponent();
            assertTrue(nativeHal.platform().endsWith("JNR-FFI native path"), nativeHal.platform());
            assertEquals(Support.NATIVE, nativeHal.monotonicRawNanos().support());
        } finally {
            if (before == null) {
                System.clearProperty(HalSelection.NATIVE_PROPERTY);
            } else {
                System.setProperty(HalSelection.NATIVE_PROPERTY, before);
            }
        }
    }

    private static Feature pin(Hal hal) {
        return hal.features().stream().filter(f -> f.name().equals("pin")).findFirst().orElseThrow();
    }
}
