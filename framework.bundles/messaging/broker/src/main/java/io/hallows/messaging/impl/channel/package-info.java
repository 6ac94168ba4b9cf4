/**
 * The in-JVM channels: {@link io.hallows.messaging.impl.channel.LogMessaging} implements the
 * messaging API over the broker's {@link io.hallows.messaging.impl.log.Logs}, with no network hop.
 *
 * <p>Design. A channel is a {@link java.util.concurrent.Flow.Publisher}; each subscription reads
 * the log on its own, through one {@code PartitionReader} per partition (a whole topic is its
 * partitions merged, taken in turn). Nothing is read beyond demand: a partition is read, one chunk
 * at a time, only while the subscriber has requested more than is buffered; when caught up, the
 * reader waits on {@code Logs.awaitData} instead of polling. No thread ever blocks: every event of a
 * subscription (a request, a completed read, data arriving, a cancel, a window's timer) is a task of
 * the log partition's executor with the subscription's own ordering key, so the subscriber's
 * signals are serial and never re-entrant. Operators (map, filter, window) wrap subscribers; window
 * has its own ordering key and a Vert.x timer for its span. A group subscription starts at the
 * group's committed offsets and commits each record's offset once {@code onNext} returned.
 */
package io.hallows.messaging.impl.channel;
