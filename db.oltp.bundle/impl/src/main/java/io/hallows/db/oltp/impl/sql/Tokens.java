package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;

/** A cursor over a statement's tokens for the recognisers of statements Calcite does not parse. */
final class Tokens {
    private final String sql;
    private final List<Lexer.Token> tokens;
    private int at;

    Tokens(String sql, List<Lexer.Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    Lexer.Token peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    boolean atEnd() {
        return at >= tokens.size();
    }

    boolean accept(String word) {
        if (peek() != null && peek().is(word)) {
            at++;
            return true;
        }
        return false;
    }

    boolean expect(String word) {
        if (!accept(word)) {
            throw error("expected " + word.toUpperCase(java.util.Locale.ROOT));
        }
        return true;
    }

    boolean atPunct(String p) {
        Lexer.Token t = peek();
        return t != null && t.kind() == Lexer.Kind.PUNCT && t.text().equals(p);
    }

    boolean acceptPunct(String p) {
        if (atPunct(p)) {
            at++;
            return true;
        }
        return false;
    }

    void expectPunct(String p) {
        if (!acceptPunct(p)) {
            throw error("expected \"" + p + "\"");
        }
    }

    /** An identifier: lower-cased unless quoted; a schema prefix ({@code public.}) is dropped. */
    String name() {
        Lexer.Token t = peek();
        if (t == null || (t.kind() != Lexer.Kind.WORD && t.kind() != Lexer.Kind.QUOTED)) {
            throw error("expected a name");
        }
        at++;
        if (atPunct(".")) {
            at++;
            return name();
        }
        return t.text();
    }

    /** A type name, including the multi-word ones ({@code double precision}, {@code character varying}…). */
    String typeName() {
        String first = name();
        for (String[] multi : new String[][] {{"double", "precision"}, {"character", "varying"},
                {"timestamp", "without time zone"}, {"timestamp", "with time zone"}}) {
            if (first.equals(multi[0])) {
                int save = at;
                boolean all = true;
                for (String w : multi[1].split(" ")) {
                    all &= accept(w);
                }
                if (all) {
                    return first + " " + multi[1];
                }
                at = save;
            }
        }
        return first;
    }

    List<String> nameList() {
        expectPunct("(");
        List<String> out = new ArrayList<>();
        do {
            out.add(name());
        } while (acceptPunct(","));
        expectPunct(")");
        return out;
    }

    int integer() {
        Lexer.Token t = peek();
        if (t == null || t.kind() != Lexer.Kind.NUMBER) {
            throw error("expected a number");
        }
        at++;
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw error("expected an integer");
        }
    }

    void skipParenthesised() {
        expectPunct("(");
        int depth = 1;
        while (depth > 0) {
            if (atEnd()) {
                throw error("unbalanced parentheses");
            }
            depth += atPunct("(") ? 1 : atPunct(")") ? -1 : 0;
            at++;
        }
    }

    /** The text of the remaining tokens. */
    String rest() {
        return atEnd() ? "" : sql.substring(peek().start()).trim();
    }

    void end() {
        if (!atEnd()) {
            throw error("unexpected text");
        }
    }

    SqlException error(String what) {
        Lexer.Token t = peek();
        String near = t == null ? "end of input" : "\"" + sql.substring(t.start(), t.end()) + "\"";
        return new SqlException("42601", "syntax error at or near " + near + ": " + what, t == null ? sql.length() + 1 : t.start() + 1);
    }

    /** A string literal's value ({@code E'…'} escapes {@code \t}, {@code \n} and the quoted character). */
    String string() {
        Lexer.Token t = peek();
        at++;
        if (t.text() == null) {
            return Lexer.stringValue(sql, t);
        }
        String body = sql.substring(t.start() + 2, t.end() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else if (c == '\'' && i + 1 < body.length()) {
                b.append(body.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
