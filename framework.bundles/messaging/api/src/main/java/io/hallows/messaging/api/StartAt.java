package io.hallows.messaging.api;

/** Where a subscription starts when no offset is given. */
public enum StartAt {
    /** The first record each partition still keeps. */
    EARLIEST,
    /** The next record appended after subscribing. */
    LATEST
}
