package io.hallows.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityTest {
    private final List<String> journal = new ArrayList<>();
    private final Capability.Journal recorder = new Capability.Journal() {
        @Override
        public void derived(Capability child) {
            journal.add("derived #" + child.id());
        }

        @Override
        public void revoked(Capability c) {
            journal.add("revoked #" + c.id());
        }
    };

    private Capability root() {
        return Capability.mint().root(Resource.service("greeter"), EnumSet.allOf(Right.class), recorder);
    }

    @Test
    void deriveNarrowsAndKeepsTheResource() {
        Capability root = root();
        Capability child = root.derive(Set.of(Right.CALL, Right.READ));
        Capability grandchild = child.derive(Set.of(Right.CALL));
        assertEquals(Set.of(Right.CALL), grandchild.rights());
        assertEquals(root.resource(), grandchild.resource());
        assertEquals(child.id(), grandchild.parentId());
        assertTrue(grandchild.permits(Right.CALL));
        assertFalse(grandchild.permits(Right.READ));
    }

    @Test
    void deriveCannotWiden() {
        Capability narrow = root().derive(Set.of(Right.CALL));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> narrow.derive(Set.of(Right.CALL, Right.WRITE)));
        assertTrue(e.getMessage().contains("cannot widen capability #" + narrow.id()), e.getMessage());
        assertTrue(e.getMessage().contains("WRITE"), e.getMessage());
    }

    @Test
    void rightsCannotBeChangedThroughTheirSet() {
        Capability narrow = root().derive(Set.of(Right.CALL));
        assertThrows(UnsupportedOperationException.class, () -> narrow.rights().add(Right.ADMIN));
        assertFalse(narrow.permits(Right.ADMIN));
    }

    @Test
    void revokeCascadesToEveryDescendantButNotToSiblingsOrParent() {
        Capability root = root();
        Capability a = root.derive(Set.of(Right.CALL, Right.GRANT));
        Capability a1 = a.derive(Set.of(Right.CALL));
        Capability a2 = a1.derive(Set.of(Right.CALL));
        Capability b = root.derive(Set.of(Right.CALL));
        a.revoke();
        assertFalse(a.isValid());
        assertFalse(a1.isValid());
        assertFalse(a2.isValid());
        assertTrue(b.isValid());
        assertTrue(root.isValid());
        assertTrue(journal.containsAll(List.of("revoked #" + a.id(), "revoked #" + a1.id(), "revoked #" + a2.id())));
        assertFalse(journal.contains("revoked #" + b.id()));
    }

    @Test
    void revokedCapabilityCannotDeriveOrBeRevived() {
        Capability root = root();
        Capability child = root.derive(Set.of(Right.CALL));
        child.revoke();
        CapabilityRevokedException e = assertThrows(CapabilityRevokedException.class, () -> child.derive(Set.of(Right.CALL)));
        assertEquals(child.id(), e.capabilityId());
        assertTrue(e.getMessage().contains("#" + child.id()) && e.getMessage().contains("service:greeter"), e.getMessage());
        child.revoke(); // idempotent: nothing is revoked twice
        assertEquals(1, journal.stream().filter(s -> s.equals("revoked #" + child.id())).count());
        assertFalse(child.isValid());
        assertThrows(CapabilityRevokedException.class, child::checkValid);
    }

    @Test
    void revokingTheRootRevokesTheWholeTree() {
        Capability root = root();
        Capability leaf = root.derive(Set.of(Right.CALL, Right.READ)).derive(Set.of(Right.READ));
        root.revoke();
        assertFalse(leaf.isValid());
        assertFalse(leaf.permits(Right.READ));
    }

    @Test
    void capabilityCannotBeConstructedCopiedOrSerialized() {
        assertTrue(Modifier.isFinal(Capability.class.getModifiers()));
        assertEquals(0, Capability.class.getConstructors().length, "no public constructor");
        assertTrue(Modifier.isPrivate(Capability.class.getDeclaredConstructors()[0].getModifiers()));
        assertFalse(Cloneable.class.isAssignableFrom(Capability.class));
        assertFalse(Serializable.class.isAssignableFrom(Capability.class));
        assertEquals(0, Capability.Mint.class.getConstructors().length);
    }

    @Test
    void codeFromAnotherClassLoaderCannotObtainTheMint() throws Exception {
        URL classes = CapabilityTest.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader foreign = new URLClassLoader(new URL[] {classes}, CapabilityTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Forger.class.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : findClass(name);
                    }
                }
                return super.loadClass(name, resolve);
            }
        }) {
            Runnable forger = (Runnable) foreign.loadClass(Forger.class.getName()).getConstructor().newInstance();
            SecurityException e = assertThrows(SecurityException.class, forger::run);
            assertTrue(e.getMessage().contains("only the Hallows kernel can mint"), e.getMessage());
        }
    }

    /** Loaded by a foreign class loader: plays a vendor bundle trying to mint. */
    public static final class Forger implements Runnable {
        @Override
        public void run() {
            Capability.mint();
        }
    }

    @Test
    void resourceParsingNamesWhatIsWrong() {
        assertEquals(new Resource("partition", "web"), Resource.parse("partition:web"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resource.parse("greeter"));
        assertTrue(e.getMessage().contains("'greeter' is not a resource"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Resource.parse("Service:x"));
    }
}
