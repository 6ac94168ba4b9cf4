package io.hallows.sql.api;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * The data sink of a {@code COPY … FROM STDIN} statement (text format: one row per line, columns
 * separated by tabs, {@code \N} for NULL, backslash escapes). The caller sends the data in chunks
 * of any size, split anywhere, then {@link #finish()}es or {@link #fail(String)}s. Until then the
 * session accepts no other statement.
 */
public interface CopyIn {
    /** The columns the data fills, in order. */
    java.util.List<Column> columns();

    /**
     * Takes the next chunk of data. The future completes when the chunk is taken (callers wait
     * for it before they send more: it is the back pressure); it fails with a {@link
     * SqlException} naming the line on bad data, and the copy is then over.
     */
    CompletableFuture<Void> write(ByteBuffer chunk);

    /** Ends the data; the future completes with the {@code COPY n} result once the rows are in. */
    CompletableFuture<Result> finish();

    /** Abandons the copy (the client sent CopyFail): nothing of it is kept. */
    CompletableFuture<Void> fail(String reason);
}
