package io.hallows.messaging.impl.log;

/** When an append to a topic is acknowledged. */
public enum Flush {
    /** Once forced to disk: every acknowledged record survives a crash of the machine. */
    BATCH,
    /** Once written to the file (the page cache), Kafka's default: a crash of the machine may lose the last ones. */
    OS
}
