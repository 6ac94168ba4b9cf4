/**
 * The write-ahead log: segment files of CRC32C-checked records, group commit (one force covers
 * every commit appended meanwhile, forced by batch-keyed tasks on the db partition), checkpoints
 * written beside the log while writes go on, and recovery (the newest whole checkpoint, then the
 * log after it, cut at the last whole record).
 *
 * <p>{@link io.hallows.db.oltp.impl.wal.CommitLog} is what the store appends to; {@link
 * io.hallows.db.oltp.impl.wal.Recoverable} is what the store gives the log for checkpoints and
 * recovery. Records are opaque bytes here: the store encodes them.
 */
package io.hallows.db.oltp.impl.wal;
