package io.hallows.pgwire.protocol;

import io.hallows.pgwire.codec.BinaryCodec;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import io.hallows.sql.api.TransactionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended query protocol: Parse, Bind, Describe, Execute and Close over named and unnamed
 * (empty name) statements and portals. A failure throws {@link SqlException} or reaches
 * {@link SessionPhase#extendedError}; the caller then skips to Sync.
 */
final class ExtendedQuery {
    /** A parsed statement; {@code prepared} is null for an empty query. */
    private record Statement(Prepared prepared, List<SqlType> parameterTypes) {
    }

    private final SessionPhase phase;
    private final Session session;
    private final Map<String, Statement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();

    ExtendedQuery(SessionPhase phase, Session session) {
        this.phase = phase;
        this.session = session;
    }

    void handle(char type, PayloadReader in) {
        switch (type) {
            case 'P' -> parse(in);
            case 'B' -> bind(in);
            case 'D' -> describe(in);
            case 'E' -> execute(in);
            case 'C' -> close(in);
            default -> throw new IllegalArgumentException("not an extended query message: " + type);
        }
    }

    private void parse(PayloadReader in) {
        String name = in.cstring();
        String sql = in.cstring();
        int count = in.count(4);
        List<SqlType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(SqlType.ofOid(in.int32()));
        }
        in.end();
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new SqlException("42P05", "prepared statement \"" + name + "\" already exists");
        }
        if (SessionPhase.isEmpty(sql)) {
            define(name, new Statement(null, List.of()));
            phase.out().empty('1');
            return;
        }
        phase.connection().await(session.prepare(sql, types), (Prepared prepared, Throwable failure) -> {
            if (failure != null) {
                phase.extendedError(failure);
                return;
            }
            define(name, new Statement(prepared, prepared.parameterTypes()));
            phase.out().empty('1');
        });
    }

    private void define(String name, Statement statement) {
        Statement replaced = statements.put(name, statement);
        if (replaced != null && replaced.prepared() != null) {
            // Portals of the replaced unnamed statement go with it: its plan is closed.
            portals.values().removeIf(p -> p.prepared == replaced.prepared());
            replaced.prepared().close();
        }
    }

    private void bind(PayloadReader in) {
        String portalName = in.cstring();
        String statementName = in.cstring();
        short[] formats = formats(in);
        int count = in.count(4);
        Statement statement = statement(statementName);
        List<SqlType> types = statement.parameterTypes();
        if (count != types.size()) {
            throw new SqlException("08P01", "bind message supplies " + count + " parameters, but prepared statement \"" + statementName
                    + "\" requires " + types.size());
        }
        if (formats.length > 1 && formats.length != count) {
            throw new SqlException("08P01", "bind message has " + formats.length + " parameter formats but " + count + " parameters");
        }
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            int length = in.int32();
            if (length == -1) {
                continue;
            }
            byte[] bytes = in.bytes(length);
            short format = formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
            values[i] = format == 0 ? phase.text().decode(types.get(i), bytes) : BinaryCodec.decode(types.get(i), bytes);
        }
        short[] resultFormats = formats(in);
        in.end();
        int columns = statement.prepared() == null ? 0 : statement.prepared().columns().size();
        if (resultFormats.length > 1 && resultFormats.length != columns) {
            throw new SqlException("08P01", "bind message has " + resultFormats.length + " result formats but query has " + columns + " columns");
        }
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            throw new SqlException("42P03", "portal \"" + portalName + "\" already exists");
        }
        portals.put(portalName, new Portal(statement.prepared(), values, resultFormats));
        phase.out().empty('2');
    }

    private static short[] formats(PayloadReader in) {
        int count = in.count(2);
        short[] formats = new short[count];
        for (int i = 0; i < count; i++) {
            int format = in.int16();
            if (format != 0 && format != 1) {
                throw new SqlException("22023", "unsupported format code: " + format);
            }
            formats[i] = (short) format;
        }
        return formats;
    }

    private void describe(PayloadReader in) {
        int kind = in.int8();
        String name = in.cstring();
        in.end();
        if (kind == 'S') {
            Statement statement = statement(name);
            phase.out().parameterDescription(statement.parameterTypes());
            describeRows(statement.prepared() == null ? List.of() : statement.prepared().columns(), new short[0]);
        } else if (kind == 'P') {
            Portal portal = portal(name);
            describeRows(portal.columns(), portal.resultFormats);
        } else {
            throw new ProtocolException("invalid DESCRIBE message subtype " + kind);
        }
    }

    private void describeRows(List<io.hallows.sql.api.Column> columns, short[] formats) {
        if (columns.isEmpty()) {
            phase.out().empty('n');
        } else {
            phase.out().rowDescription(columns, formats);
        }
    }

    private void execute(PayloadReader in) {
        String name = in.cstring();
        int maxRows = in.int32();
        in.end();
        Portal portal = portal(name);
        if (portal.prepared == null) {
            phase.out().empty('I');
            return;
        }
        if (portal.result != null) {
            sendResult(portal, maxRows);
            return;
        }
        phase.connection().await(portal.prepared.execute(portal.parameters), (Result result, Throwable failure) -> {
            if (failure != null) {
                phase.extendedError(failure);
                return;
            }
            portal.result = result;
            result.notices().forEach(phase.out()::notice);
            if (result.copyIn() != null) {
                phase.startCopy(result.copyIn(), true);
                return;
            }
            sendResult(portal, maxRows);
        });
    }

    private void sendResult(Portal portal, int maxRows) {
        Result result = portal.result;
        if (!result.returnsRows()) {
            phase.out().commandComplete(result.commandTag());
            return;
        }
        int total = result.rows().size();
        int from = portal.sent;
        int to = maxRows > 0 ? (int) Math.min(total, (long) from + maxRows) : total;
        phase.sendRows(result, from, to, portal.resultFormats);
        portal.sent = to;
        if (to < total) {
            phase.out().empty('s');
        } else if (from == 0 && to == total) {
            phase.out().commandComplete(result.commandTag());
        } else {
            // PostgreSQL counts the rows of the last Execute of a portal fetched in parts.
            String tag = result.commandTag();
            phase.out().commandComplete(tag.startsWith("SELECT") ? "SELECT " + (to - from) : tag);
        }
    }

    private void close(PayloadReader in) {
        int kind = in.int8();
        String name = in.cstring();
        in.end();
        if (kind == 'S') {
            Statement statement = statements.remove(name);
            if (statement != null && statement.prepared() != null) {
                statement.prepared().close();
            }
        } else if (kind == 'P') {
            portals.remove(name);
        } else {
            throw new ProtocolException("invalid CLOSE message subtype " + kind);
        }
        phase.out().empty('3');
    }

    /** At Sync: a transaction that ended takes its portals with it. */
    void sync(TransactionStatus status) {
        if (status == TransactionStatus.IDLE) {
            portals.clear();
        }
    }

    void closeAll() {
        portals.clear();
        statements.values().forEach(s -> {
            if (s.prepared() != null) {
                s.prepared().close();
            }
        });
        statements.clear();
    }

    private Statement statement(String name) {
        Statement statement = statements.get(name);
        if (statement == null) {
            throw new SqlException("26000", "prepared statement \"" + name + "\" does not exist");
        }
        return statement;
    }

    private Portal portal(String name) {
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new SqlException("34000", "portal \"" + name + "\" does not exist");
        }
        return portal;
    }
}
