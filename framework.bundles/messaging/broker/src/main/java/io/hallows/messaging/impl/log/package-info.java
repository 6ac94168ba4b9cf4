/**
 * The log's storage: topics in the data area, each partition an append-only sequence of segment
 * files holding Kafka's record batches (v2, CRC32C) exactly as produced, with a sparse offset
 * index and a time index; retention, segment roll, group-committed forces, and recovery after a
 * crash. Appends and reads of one partition run as keyed tasks on the log partition.
 *
 * <h2>On disk</h2>
 * <pre>
 * messaging/topics/
 *   &lt;id&gt;.topic                      a topic: name, Kafka id, partitions, settings (TopicStore)
 *   &lt;name&gt;-&lt;partition&gt;/
 *     00000000000000000000.log        record batches back to back, base offsets assigned (LogSegment)
 *     00000000000000000000.index      every ~4 KiB: relative offset -&gt; byte position (SparseIndex)
 *     00000000000000000000.timeindex  largest timestamp so far -&gt; relative offset
 *   &lt;random&gt;-delete/                  a deleted partition's folder, removed after its last task
 *   producer-ids                      the end of the producer id block handed out (ProducerIds)
 * </pre>
 * The metadata file is a topic's commit point: folders come before it at creation and go after
 * it at deletion, so a folder without a topic is a crash's leftover, removed at open
 * ({@link io.hallows.messaging.impl.log.TopicFolders}).
 *
 * <h2>Appending</h2>
 * An append is one task with the partition's key ({@code <topic>-<partition>}): the batches'
 * headers and CRCs are checked ({@code IncomingBatches}: no record is parsed), the idempotent
 * producers' sequences checked ({@code ProducerStates}), base offsets rewritten in place, the
 * request's bytes written in one write. A {@code flush=os} append is acknowledged then; a
 * {@code flush=batch} append waits for the group commit ({@code GroupCommit}): one force task in
 * flight per partition (key {@code <topic>-<partition>/force}), covering every append written
 * before it started. The high watermark, the end of what is acknowledged, bounds every read.
 *
 * <h2>Recovery</h2>
 * Segments other than the last were forced when rolled: their indexes are trusted if sane and
 * rebuilt from the batch headers otherwise. The last segment is read batch by batch with its CRC
 * and cut before the first torn, corrupt or zeroed batch, with a WARN naming the file, the byte
 * position and the offset ({@code SegmentRecovery}); the producers' state is rebuilt from the
 * headers of every segment, so a producer's retry after a crash is still recognised.
 */
package io.hallows.messaging.impl.log;
