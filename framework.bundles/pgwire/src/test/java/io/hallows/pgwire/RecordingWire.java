package io.hallows.pgwire;

import io.hallows.pgwire.protocol.Wire;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** A {@link Wire} that records what the connection writes; everything runs on the caller's thread. */
final class RecordingWire implements Wire {
    final List<Buffer> writes = new ArrayList<>();
    boolean closed;
    boolean paused;

    @Override
    public void write(Buffer data) {
        if (closed) {
            throw new AssertionError("write after close");
        }
        writes.add(data);
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public void whenDrained(Runnable then) {
        then.run();
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public boolean tlsAvailable() {
        return false;
    }

    @Override
    public void upgradeToTls(Consumer<Throwable> done) {
        throw new AssertionError("no TLS here");
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Executor thread() {
        return Runnable::run;
    }

    /** The type bytes of the messages written, in order ('N'/'S' alone for an SSL answer). */
    List<Character> messageTypes() {
        List<Character> types = new ArrayList<>();
        for (Buffer b : writes) {
            if (b.length() == 1) {
                types.add((char) b.getByte(0));
                continue;
            }
            int at = 0;
            while (at < b.length()) {
                if (b.length() - at < 5) {
                    throw new AssertionError("torn message at " + at + " of " + b.length());
                }
                int length = b.getInt(at + 1);
                if (length < 4 || at + 1 + length > b.length()) {
                    throw new AssertionError("bad length " + length + " at " + at + " of " + b.length());
                }
                types.add((char) b.getByte(at));
                at += 1 + length;
            }
        }
        return types;
    }
}
