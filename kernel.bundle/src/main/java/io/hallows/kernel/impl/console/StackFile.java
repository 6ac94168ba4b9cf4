package io.hallows.kernel.impl.console;

import io.hallows.kernel.api.KernelConstants;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.cm.json.io.ConfigurationReader;
import org.apache.felix.cm.json.io.ConfigurationResource;
import org.apache.felix.cm.json.io.Configurations;

/**
 * The stack file(s) named by {@code configurator.initial}, read as the Felix Configurator reads
 * them. The Configurator applies them on its own thread and only logs "Invalid JSON" for a bad
 * file; reading them here lets the kernel wait for exactly the partitions the stack declares and
 * say what is wrong with a bad file, and where.
 */
final class StackFile {
    static final String PROPERTY = "configurator.initial";

    private StackFile() {
    }

    /**
     * The PIDs of the partitions the stack declares ({@code io.hallows.partition~<name>}).
     *
     * @param initial the value of {@code configurator.initial}: inline JSON or comma-separated URLs; may be null
     * @throws IllegalArgumentException naming the file and the problem
     */
    static List<String> partitionPids(String initial) {
        List<String> pids = new ArrayList<>();
        if (initial == null || initial.isBlank()) {
            return pids;
        }
        if (initial.trim().startsWith("{")) {
            pids.addAll(read("configurator.initial", new StringReader(initial)));
            return pids;
        }
        for (String location : initial.trim().split(",")) {
            URL url;
            try {
                url = URI.create(location.trim()).toURL();
            } catch (IllegalArgumentException | MalformedURLException e) {
                throw new IllegalArgumentException("stack '" + location + "' is not a URL: " + e.getMessage());
            }
            try (Reader in = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                pids.addAll(read(location, in));
            } catch (IOException e) {
                throw new IllegalArgumentException("stack " + location + " cannot be read: " + e);
            }
        }
        return pids;
    }

    private static List<String> read(String name, Reader in) {
        ConfigurationResource resource;
        List<String> ignored;
        try {
            ConfigurationReader reader = Configurations.buildReader().withIdentifier(name)
                    .build(Configurations.jsonCommentAwareReader(in));
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
        String prefix = KernelConstants.PARTITION_PID + "~";
        return resource.getConfigurations().keySet().stream().filter(pid -> pid.startsWith(prefix)).toList();
    }
}
