package io.hallows.hal.impl;

import io.hallows.hal.api.Hal;
import io.hallows.hal.impl.jnr.NativeHal;
import io.hallows.hal.impl.portable.PortableHal;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Chooses the HAL once: the native one on Linux where JNR-FFI loads, the portable one otherwise,
 * remembering why in its platform line and features.
 *
 * <p>This class must not link JNR itself: JNR's packages are optional imports, so on a stack
 * without them the first touch of {@link NativeHal} throws {@link LinkageError}
 * ({@link NoClassDefFoundError}), and that touch happens inside {@link #select}'s guard.
 */
public final class HalSelection {
    /** Set to {@code false} to force the portable path. */
    public static final String NATIVE_PROPERTY = "hallows.hal.native";

    private HalSelection() {
    }

    /** The HAL for this machine; {@code properties} looks up {@link #NATIVE_PROPERTY}. */
    public static Hal select(UnaryOperator<String> properties) {
        return select(properties, System.getProperty("os.name", ""), HalSelection::loadNative);
    }

    /**
     * @param nativeLoader binds the native HAL over the file-based one; may throw
     *                     {@link LinkageError} (JNR or its native library missing) or fail otherwise
     */
    static Hal select(UnaryOperator<String> properties, String osName, Function<PortableHal, Hal> nativeLoader) {
        String wanted = properties.apply(NATIVE_PROPERTY);
        if (wanted != null && wanted.strip().equalsIgnoreCase("false")) {
            return PortableHal.onThisMachine(NATIVE_PROPERTY + "=false");
        }
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return PortableHal.onThisMachine("the native path is for Linux, this is " + osName);
        }
        try {
            return nativeLoader.apply(PortableHal.onThisMachine(null));
        } catch (LinkageError e) {
            // NoClassDefFoundError (JNR not wired), UnsatisfiedLinkError (no libjffi, libc not bound),
            // ExceptionInInitializerError (jffi's static set-up failed): all mean "no native path here".
            return PortableHal.onThisMachine("JNR-FFI did not load: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // A failure while binding or probing the native path (a JNR stub that cannot be made, a
            // probe that throws): the stack must still get a HAL, and the reason shows in features().
            return PortableHal.onThisMachine("the native path failed: " + e);
        }
    }

    private static Hal loadNative(PortableHal files) {
        return NativeHal.load(files);
    }
}
