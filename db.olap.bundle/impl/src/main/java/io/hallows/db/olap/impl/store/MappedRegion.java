package io.hallows.db.olap.impl.store;

import java.nio.MappedByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OwnershipTransferResult;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * One memory-mapped region of a table file (a record batch's body), shared by the Arrow buffers
 * sliced from it. Vectors loaded over it point into the page cache: nothing is copied, and the
 * region's bytes are not counted against the engine's allocator (they are the operating system's
 * to page in and out). The mapping is kept reachable while any buffer holds a reference and is
 * unmapped by the JVM once the last one is released and the buffer is collected.
 */
final class MappedRegion implements ReferenceManager {
    private final AtomicInteger references = new AtomicInteger(1);
    private final long size;
    private final BufferAllocator allocator;
    private volatile MappedByteBuffer mapping;

    private MappedRegion(MappedByteBuffer mapping, BufferAllocator allocator) {
        this.mapping = mapping;
        this.size = mapping.capacity();
        this.allocator = allocator;
    }

    /**
     * The whole mapping as one Arrow buffer holding the region's first reference: release it once
     * the vectors are loaded (they hold their own).
     */
    static ArrowBuf wrap(MappedByteBuffer mapping, BufferAllocator allocator) {
        MappedRegion region = new MappedRegion(mapping, allocator);
        return new ArrowBuf(region, null, region.size, MemoryUtil.getByteBufferAddress(mapping));
    }

    @Override
    public int getRefCount() {
        return references.get();
    }

    @Override
    public boolean release() {
        return release(1);
    }

    @Override
    public boolean release(int decrement) {
        int left = references.addAndGet(-decrement);
        if (left < 0) {
            throw new IllegalStateException("a mapped table region was released more often than it was retained");
        }
        if (left == 0) {
            mapping = null; // unmapped when the JVM collects the buffer
            return true;
        }
        return false;
    }

    @Override
    public void retain() {
        retain(1);
    }

    @Override
    public void retain(int increment) {
        if (references.getAndAdd(increment) <= 0) {
            references.addAndGet(-increment);
            throw new IllegalStateException("a mapped table region was retained after its last release");
        }
    }

    /** Vectors retain their buffers "into" their allocator: a mapped buffer stays where it is, shared. */
    @Override
    public ArrowBuf retain(ArrowBuf source, BufferAllocator target) {
        retain();
        return deriveBuffer(source, 0, source.capacity());
    }

    @Override
    public ArrowBuf deriveBuffer(ArrowBuf source, long index, long length) {
        if (index < 0 || length < 0 || index + length > source.capacity()) {
            // A corrupt file's metadata can point past its record batch: refuse, never read outside the mapping.
            throw new IllegalStateException("buffer [" + index + ", " + (index + length) + ") outside its record batch of "
                    + source.capacity() + " bytes");
        }
        return new ArrowBuf(this, null, length, source.memoryAddress() + index);
    }

    @Override
    public OwnershipTransferResult transferOwnership(ArrowBuf source, BufferAllocator target) {
        ArrowBuf shared = retain(source, target);
        return new OwnershipTransferResult() {
            @Override
            public boolean getAllocationFit() {
                return true;
            }

            @Override
            public ArrowBuf getTransferredBuffer() {
                return shared;
            }
        };
    }

    @Override
    public BufferAllocator getAllocator() {
        return allocator;
    }

    @Override
    public long getSize() {
        return size;
    }

    /** Mapped bytes are not the allocator's: they count for nothing against its limit. */
    @Override
    public long getAccountedSize() {
        return 0;
    }
}
