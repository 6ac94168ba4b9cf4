package io.hallows.dsl.impl.syntax;

/**
 * The syntax of stored models: {@code stored in "table"} after a model's name and the
 * {@code @dropped} marker before a field. Neither word is a keyword: they mean something only here.
 */
final class StoredSyntax {
    private StoredSyntax() {
    }

    /** The table of {@code stored in "table"} if it comes next, else null (nothing consumed). */
    static String storedIn(TokenCursor in) {
        if (!in.at(TokenKind.IDENT) || !in.peek().text().equals("stored")) {
            return null;
        }
        in.advance();
        in.expect(TokenKind.IN, "after 'stored' (model M stored in \"table\")");
        if (!in.at(TokenKind.STRING)) {
            throw in.expected("the table's name as a string after 'stored in', e.g. stored in \"products\"");
        }
        return (String) in.advance().value();
    }

    /** Consumes {@code @dropped} if it comes next; another marker is an error. */
    static boolean droppedMarker(TokenCursor in) {
        if (!in.at(TokenKind.AT)) {
            return false;
        }
        Token at = in.advance();
        Token name = in.expectName("'dropped' after '@' (the marker of a dropped field)");
        if (!name.text().equals("dropped")) {
            throw in.error(at.pos(), SyntaxCode.EXPECTED_TOKEN, "a field takes only the marker @dropped, found @" + name.text());
        }
        return true;
    }
}
