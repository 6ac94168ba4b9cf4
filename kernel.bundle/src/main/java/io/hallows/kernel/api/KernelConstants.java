package io.hallows.kernel.api;

/** Names shared between the kernel and the bundles it governs. */
public final class KernelConstants {
    private KernelConstants() {
    }

    /**
     * Service property that protects a service. Its value is the protected service's name: the
     * service is then visible only to bundles that hold a valid capability
     * {@code service:<name>} with {@link Right#CALL}, and they receive it through a per-holder
     * revocable proxy. Only interfaces can be protected (the proxy implements them).
     */
    public static final String PROTECTED = "hallows.protected";

    /**
     * Service property the kernel sets on the proxy it publishes for a protected service; its value
     * is the {@code service.id} of the original registration.
     */
    public static final String PROXY_OF = "hallows.proxy.of";

    /**
     * Manifest header in which a vendor bundle requests capabilities, checked against the policy
     * when the bundle is installed, for example:
     * {@code Hallows-Request: service:greeter;rights:="CALL", partition:web;rights:="READ"}.
     */
    public static final String REQUEST_HEADER = "Hallows-Request";

    /** ConfigAdmin factory PID of partitions. */
    public static final String PARTITION_PID = "io.hallows.partition";

    /** ConfigAdmin PID of the grant policy applied to {@link #REQUEST_HEADER} requests. */
    public static final String POLICY_PID = "io.hallows.policy";

    /**
     * A partition's {@link PartitionExecutor} is the protected service named this followed by the
     * partition's name ({@code kernel.executor.web}); the partition's own bundles hold CALL on it.
     */
    public static final String EXECUTOR_PREFIX = "kernel.executor.";

    /** The protected-service name of {@link Schedulers}. */
    public static final String SCHEDULERS = "kernel.schedulers";
}
