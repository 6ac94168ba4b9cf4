package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Ident;
import io.hallows.dsl.impl.ast.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Names, types ({@code type = qualified [ "<" type { "," type } ">" ]}) and the comma lists every parser uses. */
final class TypeParser {
    private final TokenCursor in;

    TypeParser(TokenCursor in) {
        this.in = in;
    }

    /** {@code IDENT { "." IDENT }}. */
    Ident qualified(String what) {
        return dotted(in.expectName(what), false);
    }

    /**
     * A Java name: like {@link #qualified} but any segment may be a Parseltongue keyword, since
     * {@code java.time.Clock} or {@code org.example.model.Store} must be importable.
     */
    Ident javaName(String what) {
        if (!isSegment(in.peek(), true)) {
            throw in.expected(what);
        }
        return dotted(in.advance(), true);
    }

    private Ident dotted(Token first, boolean keywords) {
        StringBuilder name = new StringBuilder(first.text());
        while (in.at(TokenKind.DOT) && isSegment(in.peek(1), keywords)) {
            in.advance();
            name.append('.').append(in.advance().text());
        }
        return new Ident(first.pos(), name.toString());
    }

    private static boolean isSegment(Token token, boolean keywords) {
        return token.kind() == TokenKind.IDENT || (keywords && token.kind().isKeyword());
    }

    TypeRef type(String what) {
        in.enter();
        try {
            Ident name = qualified(what);
            List<TypeRef> args = List.of();
            if (in.accept(TokenKind.LT)) {
                if (in.at(TokenKind.GT)) {
                    throw in.expected("a type argument");
                }
                args = commaList(TokenKind.GT, false, "type arguments", () -> type("a type argument"));
            }
            return new TypeRef(name.pos(), name.text(), args);
        } finally {
            in.exit();
        }
    }

    /**
     * The items of a list whose opening token has been consumed, up to and including
     * {@code close}. An empty list is allowed; {@code trailingComma} allows {@code [1, 2,]}.
     *
     * @param listName how messages name the list, e.g. {@code "argument list"}
     */
    <T> List<T> commaList(TokenKind close, boolean trailingComma, String listName, Supplier<T> item) {
        Token open = in.previous();
        List<T> items = new ArrayList<>();
        splitIfClosingType(close);
        while (!in.at(close)) {
            items.add(item.get());
            splitIfClosingType(close);
            if (in.accept(TokenKind.COMMA)) {
                splitIfClosingType(close);
                if (in.at(close) && !trailingComma) {
                    throw in.error(in.peek().pos(), SyntaxCode.EXPECTED_TOKEN,
                            "no trailing ',' allowed in the " + listName + ", found '" + close.text() + "'");
                }
            } else if (!in.at(close)) {
                TokenCursor.ParseError error = in.expected("',' or '" + close.text() + "' in the " + listName);
                // A ';' ends the statement: the list lacks its closer, unless a brace or bracket list
                // spans lines, where the ';' is more likely a typo for ',' inside it.
                boolean closerMissing = in.at(TokenKind.SEMI)
                        && (close == TokenKind.RPAREN || in.peek().pos().line() == open.pos().line());
                if (!closerMissing) {
                    throw error;
                }
                in.closeVirtually(close);
                return items;
            }
        }
        in.advance();
        return items;
    }

    private void splitIfClosingType(TokenKind close) {
        if (close == TokenKind.GT) {
            in.splitGreaterEquals();
        }
    }
}
