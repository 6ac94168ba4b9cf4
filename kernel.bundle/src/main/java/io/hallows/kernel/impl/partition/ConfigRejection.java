package io.hallows.kernel.impl.partition;

/** A partition configuration the kernel refuses, naming the partition, the field and the reason. */
public final class ConfigRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final String partition;
    private final String field;
    private final String reason;

    public ConfigRejection(String partition, String field, String reason) {
        super("partition '" + partition + "': " + field + ": " + reason);
        this.partition = partition;
        this.field = field;
        this.reason = reason;
    }

    public String partition() {
        return partition;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
