package io.hallows.messaging.impl.channel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of a published record: from its key as Kafka's default partitioner does (murmur2,
 * made positive, modulo the partition count), so a key lands where a Kafka producer puts it; in
 * turn, per topic, without a key.
 */
final class KeyPartitioner {
    private final ConcurrentHashMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();

    int partition(String topic, byte[] key, int partitions) {
        if (key != null) {
            return Utils.toPositive(Utils.murmur2(key)) % partitions;
        }
        return Math.floorMod(turns.computeIfAbsent(topic, t -> new AtomicInteger()).getAndIncrement(), partitions);
    }

    void forget(String topic) {
        turns.remove(topic);
    }
}
