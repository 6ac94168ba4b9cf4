package io.hallows.messaging.impl.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private static final byte[] STREAM = {0, 0, 0, 3, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 2, 9, 8};

    @Test
    void framesAreTheSameWhateverTheChunking() throws Exception {
        List<byte[]> whole = decode(new FrameDecoder(100), List.of(STREAM));
        List<byte[]> chunks = new ArrayList<>();
        for (byte b : STREAM) {
            chunks.add(new byte[] {b});
        }
        List<byte[]> byteByByte = decode(new FrameDecoder(100), chunks);
        for (List<byte[]> frames : List.of(whole, byteByByte)) {
            assertEquals(3, frames.size());
            assertArrayEquals(new byte[] {1, 2, 3}, frames.get(0));
            assertArrayEquals(new byte[0], frames.get(1));
            assertArrayEquals(new byte[] {9, 8}, frames.get(2));
        }
    }

    @Test
    void aLargeFrameInManySmallChunksArrivesWhole() throws Exception {
        byte[] body = new byte[300_000];
        new java.util.Random(7).nextBytes(body);
        ByteBuffer stream = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body);
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < stream.capacity(); at += 1000) {
            chunks.add(java.util.Arrays.copyOfRange(stream.array(), at, Math.min(stream.capacity(), at + 1000)));
        }
        List<byte[]> frames = decode(new FrameDecoder(1 << 20), chunks);
        assertEquals(1, frames.size());
        assertArrayEquals(body, frames.get(0));
    }

    @Test
    void aWholeFrameInOneChunkIsAViewOfThatChunk() throws Exception {
        byte[] chunk = {0, 0, 0, 2, 7, 7};
        List<ByteBuffer> frames = new ArrayList<>();
        new FrameDecoder(100).feed(Buffer.buffer(Unpooled.wrappedBuffer(chunk)), frames::add);
        assertTrue(frames.get(0).hasArray());
        assertTrue(frames.get(0).array() == chunk, "no copy");
    }

    @Test
    void aSizeAboveTheLimitOrBelowZeroIsRefusedBeforeBuffering() {
        assertThrows(FrameDecoder.BadFrameException.class, () -> decode(new FrameDecoder(4), List.of(new byte[] {0, 0, 0, 5})));
        assertThrows(FrameDecoder.BadFrameException.class, () -> decode(new FrameDecoder(4), List.of(new byte[] {-1, -1, -1, -1})));
    }

    private static List<byte[]> decode(FrameDecoder decoder, List<byte[]> chunks) throws FrameDecoder.BadFrameException {
        List<byte[]> frames = new ArrayList<>();
        for (byte[] chunk : chunks) {
            decoder.feed(Buffer.buffer(chunk), frame -> {
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                return frames.add(bytes);
            });
        }
        return frames;
    }
}
