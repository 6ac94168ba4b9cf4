package io.hallows.dsl.impl.ast;

import java.util.List;

/**
 * Statements in braces. The arm of a {@code match} written as a single statement and the
 * {@code if} of an {@code else if} are blocks of one statement positioned at that statement.
 */
public record Block(Position pos, List<Stmt> statements) implements Node {
    public Block {
        statements = List.copyOf(statements);
    }
}
