package io.hallows.sql.api;

import java.util.Objects;

/**
 * A result column: its name, its type and PostgreSQL's type modifier ({@code -1} for none;
 * for {@code varchar(n)} and {@code char(n)} it is {@code n + 4}, for {@code numeric(p,s)}
 * {@code ((p << 16) | s) + 4}, as PostgreSQL reports it in a RowDescription).
 */
public record Column(String name, SqlType type, int typeModifier) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A column without type modifier. */
    public static Column of(String name, SqlType type) {
        return new Column(name, type, -1);
    }
}
