package io.hallows.dsl.impl.ast;

/** A node of the syntax tree. */
public interface Node {
    /** The position of the node's first token. */
    Position pos();
}
