package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class KeyPartitionerTest {
    private final KeyPartitioner partitioner = new KeyPartitioner();

    @Test
    void keyedRecordsGoWhereKafkasProducerPutsThem() {
        Random random = new Random(12);
        for (int i = 0; i < 10_000; i++) {
            byte[] key = new byte[random.nextInt(40)];
            random.nextBytes(key);
            int partitions = 1 + random.nextInt(64);
            assertEquals(BuiltInPartitioner.partitionForKey(key, partitions), partitioner.partition("t", key, partitions),
                    "key of " + key.length + " bytes, " + partitions + " partitions");
        }
    }

    @Test
    void recordsWithoutKeyTakePartitionsInTurnPerTopic() {
        int[] a = new int[6];
        for (int i = 0; i < a.length; i++) {
            a[i] = partitioner.partition("a", null, 3);
        }
        assertEquals(0, partitioner.partition("b", null, 3), "another topic has its own turn");
        assertEquals("[0, 1, 2, 0, 1, 2]", java.util.Arrays.toString(a));
    }
}
