package io.hallows.kernel.impl.console;

import io.hallows.kernel.api.KernelConstants;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.cm.json.io.ConfigurationReader;
import org.apache.felix.cm.json.io.ConfigurationResource;
import org.apache.felix.cm.json.io.Configurations;

/**
 * A stack file: an OSGi Configurator resource (JSON with comments), read in one pass as the Felix
 * Configurator reads it, plus the keys it gives twice. The kernel applies the file named by
 * {@code hallows.stack} itself ({@link StackApplier}); a file named by {@code configurator.initial}
 * is applied by the Configurator, and read here only to know which partitions to wait for and to
 * say what is wrong with it, and where.
 *
 * @param name           where it came from (a URL, or the property name for inline JSON)
 * @param configurations its configurations in file order: pid → properties, type suffixes applied
 * @param duplicates     one line per key given twice in one object
 */
record StackFile(String name, Map<String, Dictionary<String, Object>> configurations, List<String> duplicates) {
    /** The stack file the kernel applies itself: inline JSON or comma-separated URLs. */
    static final String PROPERTY = "hallows.stack";
    /** The stack file the Felix Configurator applies (slowly: its state is rewritten per configuration). */
    static final String CONFIGURATOR_PROPERTY = "configurator.initial";

    /**
     * The stack files named by a property's value.
     *
     * @param value inline JSON or comma-separated URLs; may be null
     * @throws IllegalArgumentException naming the file and the problem
     */
    static List<StackFile> read(String property, String value) {
        List<StackFile> files = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return files;
        }
        if (value.trim().startsWith("{")) {
            files.add(parse(property, value));
            return files;
        }
        for (String location : value.trim().split(",")) {
            URL url;
            try {
                url = URI.create(location.trim()).toURL();
            } catch (IllegalArgumentException | MalformedURLException e) {
                throw new IllegalArgumentException("stack '" + location + "' is not a URL: " + e.getMessage());
            }
            try (InputStream in = url.openStream()) {
                files.add(parse(location.trim(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalArgumentException("stack " + location + " cannot be read: " + e);
            }
        }
        return files;
    }

    /** The PIDs of the partitions it declares ({@code io.hallows.partition~<name>}). */
    List<String> partitionPids() {
        return configurations.keySet().stream().filter(StackFile::isPartition).toList();
    }

    static boolean isPartition(String pid) {
        return pid.startsWith(KernelConstants.PARTITION_PID + "~");
    }

    private static StackFile parse(String name, String json) {
        ConfigurationResource resource;
        List<String> ignored;
        try {
            ConfigurationReader reader = Configurations.buildReader().withIdentifier(name)
                    .build(Configurations.jsonCommentAwareReader(new StringReader(json)));
            resource = reader.readConfigurationResource();
            ignored = reader.getIgnoredErrors();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("stack " + name + " is not a valid configuration resource: " + e.getMessage());
        }
        if (!ignored.isEmpty()) {
            throw new IllegalArgumentException("stack " + name + ": " + String.join("; ", ignored));
        }
        for (String key : List.of(":configurator:symbolic-name", ":configurator:version")) {
            if (!(resource.getProperties().get(key) instanceof String)) {
                throw new IllegalArgumentException("stack " + name + " lacks \"" + key
                        + "\" (a string); the Configurator ignores a stack file without it");
            }
        }
        Map<String, Dictionary<String, Object>> configurations = new LinkedHashMap<>(resource.getConfigurations());
        return new StackFile(name, configurations, DuplicateKeys.in(json));
    }
}
