package io.hallows.run.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A stack bundle's jar from the exported {@code hallows.jar}, re-versioned as an operator's newer drop-in. */
final class SchedulerBundles {
    private SchedulerBundles() {
    }

    /** The jar of the stack bundle {@code symbolicName}, with its Bundle-Version set to {@code version}. */
    static byte[] withVersion(String symbolicName, String version) throws IOException {
        Path jar = Path.of(System.getProperty("hallows.jar", "target/hallows.jar"));
        try (JarFile exported = new JarFile(jar.toFile())) {
            Properties launcher = new Properties();
            try (InputStream in = exported.getInputStream(exported.getEntry("launcher.properties"))) {
                launcher.load(in);
            }
            for (String entry : launcher.getProperty("launch.bundles").split(",")) {
                try (JarInputStream in = new JarInputStream(exported.getInputStream(exported.getEntry(entry.trim())))) {
                    Manifest manifest = in.getManifest();
                    String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                    if (bsn != null && bsn.split(";")[0].trim().equals(symbolicName)) {
                        return rewrite(in, manifest, version);
                    }
                }
            }
        }
        throw new IllegalArgumentException("no bundle " + symbolicName + " in " + jar);
    }

    private static byte[] rewrite(JarInputStream in, Manifest manifest, String version) throws IOException {
        manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                out.putNextEntry(new JarEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
