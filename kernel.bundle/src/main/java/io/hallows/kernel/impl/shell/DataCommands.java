package io.hallows.kernel.impl.shell;

import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.data.DataHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** {@code hallows:data}: where the stack keeps its data, whether that is healthy, and what is in it. */
@Component(service = DataCommands.class, scope = ServiceScope.BUNDLE, property = {
    "osgi.command.scope=hallows", "osgi.command.function=data"})
public final class DataCommands {
    private final DataHealth data;

    @Activate
    public DataCommands(@Reference(target = Kernel.TARGET) Kernel kernel, ComponentContext context) {
        ShellAccess.check(kernel, context);
        this.data = kernel.data();
    }

    @Descriptor("show the stack's data area: its folder, its health, and the size of each layer's folder")
    public String data() {
        data.check();
        Path root = data.folder().root();
        StringBuilder out = new StringBuilder("data area ").append(root).append('\n');
        String problem = data.problem();
        out.append("health    ").append(problem == null ? "ok" : "PROBLEM: " + problem).append('\n');
        Table folders = new Table("FOLDER", "FILES", "BYTES");
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                long[] size = size(child);
                folders.row(root.relativize(child) + "/", size[0], size[1]);
            }
        } catch (IOException e) {
            return out.append("cannot list it: ").append(e.getMessage()).append('\n').toString();
        }
        return out.append(folders.isEmpty() ? "no folders yet\n" : folders.toString()).toString();
    }

    private static long[] size(Path dir) {
        long[] size = new long[2];
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                size[0]++;
                try {
                    size[1] += Files.size(f);
                } catch (IOException e) {
                    // gone meanwhile: not counted
                }
            });
        } catch (IOException e) {
            // unreadable: what was counted stands
        }
        return size;
    }
}
