package io.hallows.messaging.impl.kafka;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

/** Writes a response frame (size, header, body) with kafka-clients' generated classes, into one array. */
final class Responses {
    private Responses() {
    }

    /**
     * The frame answering request {@code correlationId} of {@code api} at {@code version}: the
     * header version follows the API's flexible versions, except ApiVersions, whose response
     * header is always v0 (a client that does not yet know the broker's versions must read it).
     */
    static Buffer frame(ApiKeys api, short version, int correlationId, ApiMessage body) {
        short headerVersion = api == ApiKeys.API_VERSIONS ? 0 : api.responseHeaderVersion(version);
        return frame(headerVersion, version, correlationId, body);
    }

    static Buffer frame(short headerVersion, short version, int correlationId, ApiMessage body) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        int size = header.size(cache, headerVersion) + body.size(cache, version);
        byte[] bytes = new byte[4 + size];
        ByteBufferAccessor out = new ByteBufferAccessor(ByteBuffer.wrap(bytes));
        out.writeInt(size);
        header.write(out, cache, headerVersion);
        body.write(out, cache, version);
        // Wrapped, not copied: Buffer.buffer(byte[]) would copy the records of a fetch once more.
        return Buffer.buffer(Unpooled.wrappedBuffer(bytes));
    }
}
