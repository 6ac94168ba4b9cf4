/**
 * The log's storage: topics in the data area, each partition an append-only sequence of segment
 * files holding Kafka's record batches (v2, CRC32C) exactly as produced, with a sparse offset
 * index and a time index; retention, segment roll, group-committed forces, and recovery after a
 * crash. Appends and reads of one partition run as keyed tasks on the log partition.
 */
package io.hallows.messaging.impl.log;
