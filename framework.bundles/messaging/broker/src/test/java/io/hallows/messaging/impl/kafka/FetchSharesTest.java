package io.hallows.messaging.impl.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.message.FetchResponseData;
import org.junit.jupiter.api.Test;

/** What each partition of a fetch may read: its own limit, cut to a share when many share the answer. */
class FetchSharesTest {
    private static FetchHandler.Part part(int partition, int maxBytes) {
        return new FetchHandler.Part("t", partition, 0, maxBytes, new FetchResponseData.PartitionData());
    }

    @Test
    void aFetchOfFewPartitionsKeepsTheirLimits() {
        List<FetchHandler.Part> parts = List.of(part(0, 1 << 20), part(1, 1 << 20));
        List<FetchHandler.Part> shares = FetchHandler.shares(parts, 50 << 20);
        assertSame(parts.get(0), shares.get(0));
        assertSame(parts.get(1), shares.get(1));
    }

    @Test
    void aFetchOfManyPartitionsReadsAboutWhatItMaySendNotEachPartitionsLimit() {
        List<FetchHandler.Part> parts = IntStream.range(0, 1000).mapToObj(p -> part(p, 16 << 20)).toList();
        List<FetchHandler.Part> shares = FetchHandler.shares(parts, 50 << 20);
        long total = shares.stream().mapToLong(FetchHandler.Part::maxBytes).sum();
        assertEquals(1000L * FetchHandler.MIN_SHARE_BYTES, total, "1,000 partitions of 16 MiB each would have read 16 GB");
        assertEquals(FetchHandler.MAX_FETCH_BYTES / 4,
                FetchHandler.shares(parts.subList(0, 4), Integer.MAX_VALUE).get(0).maxBytes(), "a hostile max.bytes is capped");
    }
}
