package io.hallows.pgwire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds client messages byte by byte, for tests that speak the protocol without a driver. */
final class FrontendMessages {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    byte[] bytes() {
        return out.toByteArray();
    }

    FrontendMessages startup(int version, String... pairs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ByteBuffer.allocate(4).putInt(version).array());
        for (String s : pairs) {
            cstring(body, s);
        }
        body.write(0);
        return untyped(body.toByteArray());
    }

    FrontendMessages untyped(byte[] body) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length + 4).array());
        out.writeBytes(body);
        return this;
    }

    FrontendMessages code(int code, int... more) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * more.length).putInt(code);
        for (int m : more) {
            b.putInt(m);
        }
        return untyped(b.array());
    }

    FrontendMessages query(String sql) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, sql);
        return typed('Q', body.toByteArray());
    }

    FrontendMessages parse(String name, String sql, int... oids) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, name);
        cstring(body, sql);
        ByteBuffer b = ByteBuffer.allocate(2 + 4 * oids.length).putShort((short) oids.length);
        for (int oid : oids) {
            b.putInt(oid);
        }
        body.writeBytes(b.array());
        return typed('P', body.toByteArray());
    }

    /** Bind with text parameters (null for NULL) and all results in {@code resultFormat}. */
    FrontendMessages bind(String portal, String statement, int resultFormat, String... values) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, portal);
        cstring(body, statement);
        body.writeBytes(new byte[] {0, 0});
        body.writeBytes(ByteBuffer.allocate(2).putShort((short) values.length).array());
        for (String v : values) {
            if (v == null) {
                body.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                body.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                body.writeBytes(bytes);
            }
        }
        body.writeBytes(ByteBuffer.allocate(4).putShort((short) 1).putShort((short) resultFormat).array());
        return typed('B', body.toByteArray());
    }

    FrontendMessages describe(char kind, String name) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(kind);
        cstring(body, name);
        return typed('D', body.toByteArray());
    }

    FrontendMessages execute(String portal, int maxRows) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(body, portal);
        body.writeBytes(ByteBuffer.allocate(4).putInt(maxRows).array());
        return typed('E', body.toByteArray());
    }

    FrontendMessages typed(char type, byte[] body) {
        out.write(type);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length + 4).array());
        out.writeBytes(body);
        return this;
    }

    FrontendMessages typed(char type, String text) {
        return typed(type, text.getBytes(StandardCharsets.UTF_8));
    }

    FrontendMessages empty(char type) {
        return typed(type, new byte[0]);
    }

    private static void cstring(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }
}
