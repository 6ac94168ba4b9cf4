package io.hallows.kernel.api;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The stack's persistent data area: one folder, outside the framework's storage, that outlives
 * restarts and holds the audit log and the files of every layer (databases, log segments, tables,
 * Parseltongue's kept sources). The kernel locks it while the stack runs, so two stacks never
 * share one; it is chosen by the framework property {@value #PROPERTY} ({@code HALLOWS_DATA} for
 * {@code run/hallows}).
 *
 * <p>Registered by the kernel as the protected service {@code kernel.data}: a layer that keeps
 * files needs {@code service:kernel.data CALL} granted in the stack file.
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface DataArea {
    /** The framework property naming the data area's folder. */
    String PROPERTY = "hallows.data";

    /** The data area's folder. */
    Path root();

    /**
     * The folder of one layer's files, {@code <root>/<name>}, created (owner-only) if missing.
     *
     * @param name lower-case letters, digits, '.' and '-', starting with a letter (e.g. {@code oltp})
     * @throws IllegalArgumentException if {@code name} is not such a name, or is one the stack keeps for
     *         itself ({@code audit}, {@code framework}, {@code framework-*}, {@code parseltongue})
     * @throws IOException if the folder cannot be created, saying why
     */
    Path directory(String name) throws IOException;

    /**
     * What is wrong with the data area now (its folder was deleted, became unwritable, or a file the
     * kernel keeps open there was removed), or null while it is healthy. The kernel checks every
     * second and reports a change loudly (log at ERROR, {@code hallows:data}).
     */
    String problem();
}
