package io.hallows.run.it.messaging;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One producer sending numbered records (the value is the number, 8 bytes; the key is the number
 * modulo 64) until told to finish, recording where each acknowledged one went. At most
 * {@value #IN_FLIGHT} records are unacknowledged at a time.
 */
final class ProducerLoad {
    private static final int IN_FLIGHT = 2000;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Map<Long, Long> acknowledged;
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    private final AtomicLong next;
    private final AtomicLong mine = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile CountDownLatch enough;
    private final Thread sender;

    ProducerLoad(KafkaProducer<byte[], byte[]> producer, String topic, long first, Map<Long, Long> acknowledged) {
        this.producer = producer;
        this.topic = topic;
        this.acknowledged = acknowledged;
        this.next = new AtomicLong(first);
        this.sender = new Thread(this::send, "producer-load");
    }

    static long position(int partition, long offset) {
        return ((long) partition << 40) | offset;
    }

    static long valueOf(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }

    void start() {
        sender.start();
    }

    /** Waits until {@code count} records of this load are acknowledged. */
    boolean awaitAcknowledged(int count, int seconds) throws InterruptedException {
        enough = new CountDownLatch(count);
        return enough.await(seconds, TimeUnit.SECONDS);
    }

    private void send() {
        try {
            while (running) {
                if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long value = next.getAndIncrement();
                byte[] bytes = ByteBuffer.allocate(8).putLong(value).array();
                byte[] key = ByteBuffer.allocate(8).putLong(value % 64).array();
                try {
                    producer.send(new ProducerRecord<>(topic, key, bytes), (metadata, failure) -> {
                        window.release();
                        if (failure == null) {
                            acknowledged.put(value, position(metadata.partition(), metadata.offset()));
                            mine.incrementAndGet();
                            CountDownLatch latch = enough;
                            if (latch != null) {
                                latch.countDown();
                            }
                        }
                    });
                } catch (RuntimeException e) {
                    window.release(); // a send refused while the broker is away: the number is simply not used
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** Stops sending, waits for every record sent to be acknowledged or to fail, closes the producer. */
    void finish() throws InterruptedException {
        running = false;
        stopped.await();
        producer.flush();
        producer.close();
    }

    /** The first number a next load should use. */
    long nextValue() {
        return next.get();
    }

    long acknowledgedCount() {
        return mine.get();
    }
}
