package io.hallows.messaging.impl.kafka;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ResponseHeader;

/** A plain socket speaking Kafka's framing, for requests no well-behaved client sends. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The address the server sees this client at, as it logs it. */
    String localAddress() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    static byte[] frame(ApiKeys api, short version, int correlationId, ApiMessage body) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(api.id).setRequestApiVersion(version)
                .setCorrelationId(correlationId).setClientId("raw-test");
        short headerVersion = api.requestHeaderVersion(version);
        int size = header.size(cache, headerVersion) + body.size(cache, version);
        ByteBuffer buffer = ByteBuffer.allocate(4 + size);
        ByteBufferAccessor accessor = new ByteBufferAccessor(buffer);
        accessor.writeInt(size);
        header.write(accessor, cache, headerVersion);
        body.write(accessor, cache, version);
        return buffer.array();
    }

    void send(ApiKeys api, short version, int correlationId, ApiMessage body) throws IOException {
        sendRaw(frame(api, version, correlationId, body));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** The next frame's bytes (after its size). */
    ByteBuffer receiveFrame() throws IOException {
        int size = in.readInt();
        byte[] bytes = new byte[size];
        in.readFully(bytes);
        return ByteBuffer.wrap(bytes);
    }

    /** The next answer, checked to carry {@code correlationId}, parsed as {@code api} at {@code version}. */
    AbstractResponse receive(ApiKeys api, short version, int correlationId) throws IOException {
        ByteBuffer frame = receiveFrame();
        ResponseHeader header = ResponseHeader.parse(frame, api.responseHeaderVersion(version));
        if (header.correlationId() != correlationId) {
            throw new IOException("answer " + header.correlationId() + " where " + correlationId + " was expected");
        }
        return AbstractResponse.parseResponse(api, new ByteBufferAccessor(frame), version);
    }

    /** True if the server closed the connection (end of stream or reset) before sending anything more. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** True if nothing at all (no byte, no end of stream) comes from the server for {@code millis}. */
    boolean silentFor(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (SocketException e) {
            return false;
        } finally {
            socket.setSoTimeout(before);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
