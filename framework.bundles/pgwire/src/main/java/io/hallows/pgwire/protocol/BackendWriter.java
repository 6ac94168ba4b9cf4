package io.hallows.pgwire.protocol;

import io.hallows.pgwire.codec.BinaryCodec;
import io.hallows.pgwire.codec.TextCodec;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import io.hallows.sql.api.TransactionStatus;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes backend messages into an output buffer that the connection flushes when the client
 * is due an answer ({@link #take()}), so that a pipeline of messages leaves in few writes.
 */
final class BackendWriter {
    private static final int INITIAL = 1024;
    private Buffer out = Buffer.buffer(INITIAL);
    private int messageStart;

    int size() {
        return out.length();
    }

    /** The bytes written so far; the writer starts afresh. */
    Buffer take() {
        Buffer taken = out;
        out = Buffer.buffer(INITIAL);
        return taken;
    }

    void raw(byte b) {
        out.appendByte(b);
    }

    void authentication(int code, byte[] data) {
        begin('R').appendInt(code);
        if (data != null) {
            out.appendBytes(data);
        }
        end();
    }

    void parameterStatus(String name, String value) {
        begin('S');
        cstring(name);
        cstring(value);
        end();
    }

    void backendKeyData(int pid, int secret) {
        begin('K').appendInt(pid).appendInt(secret);
        end();
    }

    void readyForQuery(TransactionStatus status) {
        begin('Z').appendByte((byte) status.indicator());
        end();
    }

    /** A NegotiateProtocolVersion: the newest minor version served, and the options not understood. */
    void negotiateProtocolVersion(int minor, List<String> unknownOptions) {
        begin('v').appendInt(minor).appendInt(unknownOptions.size());
        unknownOptions.forEach(this::cstring);
        end();
    }

    /** A message of a type byte and no body: ParseComplete {@code 1}, BindComplete {@code 2}… */
    void empty(char type) {
        begin(type);
        end();
    }

    void parameterDescription(List<SqlType> types) {
        begin('t').appendShort((short) types.size());
        types.forEach(t -> out.appendInt(t.oid()));
        end();
    }

    /** A RowDescription; {@code formats} as a Bind gives them (none: text; one: all; else per column). */
    void rowDescription(List<Column> columns, short[] formats) {
        begin('T').appendShort((short) columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            cstring(c.name());
            out.appendInt(0).appendShort((short) 0).appendInt(c.type().oid()).appendShort((short) BinaryCodec.typeSize(c.type()))
                    .appendInt(c.typeModifier()).appendShort(format(formats, i));
        }
        end();
    }

    void dataRow(List<Column> columns, Object[] row, short[] formats, TextCodec text) {
        begin('D').appendShort((short) columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Object value = row[i];
            SqlType type = columns.get(i).type();
            if (value == null) {
                out.appendInt(-1);
            } else if (format(formats, i) == 1) {
                BinaryCodec.writeValue(type, value, out);
            } else {
                byte[] bytes = text.encode(type, value);
                out.appendInt(bytes.length).appendBytes(bytes);
            }
        }
        end();
    }

    void commandComplete(String tag) {
        begin('C');
        cstring(tag);
        end();
    }

    void copyInResponse(int columns) {
        begin('G').appendByte((byte) 0).appendShort((short) columns);
        for (int i = 0; i < columns; i++) {
            out.appendShort((short) 0);
        }
        end();
    }

    /** An ErrorResponse ({@code fatal}: the connection ends after it) from an engine's error. */
    void error(SqlException e, boolean fatal) {
        fields('E', fatal ? "FATAL" : "ERROR", e.sqlState(), e.getMessage(), e.position(), e.detail(), e.hint());
    }

    /** A NoticeResponse. */
    void notice(String message) {
        fields('N', "NOTICE", "00000", message, 0, null, null);
    }

    private void fields(char type, String severity, String sqlState, String message, int position, String detail, String hint) {
        begin(type);
        field('S', severity);
        field('V', severity);
        field('C', sqlState);
        field('M', message);
        if (position > 0) {
            field('P', Integer.toString(position));
        }
        field('D', detail);
        field('H', hint);
        out.appendByte((byte) 0);
        end();
    }

    private void field(char code, String value) {
        if (value != null) {
            out.appendByte((byte) code);
            cstring(value);
        }
    }

    private static short format(short[] formats, int column) {
        return formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[column];
    }

    private Buffer begin(char type) {
        messageStart = out.length();
        return out.appendByte((byte) type).appendInt(0);
    }

    private void end() {
        out.setInt(messageStart + 1, out.length() - messageStart - 1);
    }

    private void cstring(String s) {
        // A NUL inside would cut the string short on the client and shift every field after it.
        out.appendBytes(s.replace('\0', ' ').getBytes(StandardCharsets.UTF_8)).appendByte((byte) 0);
    }
}
