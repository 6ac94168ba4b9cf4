package io.hallows.db.olap.impl.sql;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reader of the statements this database parses itself (CREATE and DROP TABLE, COPY, INSERT's
 * head, SET, SHOW): names (folded to lower case unless double-quoted), string literals, numbers and
 * punctuation, with their positions for PostgreSQL-style errors.
 */
final class Words {
    enum Kind { NAME, QUOTED_NAME, STRING, NUMBER, PUNCT }

    record Token(Kind kind, String text, int start) {}

    private final String sql;
    private final List<Token> tokens;
    private int next;

    Words(String sql) {
        this.sql = sql;
        this.tokens = scan(sql);
    }

    private static List<Token> scan(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= sql.length()) {
                        throw new SqlException("42601", "unterminated quoted " + (c == '"' ? "identifier" : "string"), i + 1);
                    }
                    char d = sql.charAt(j);
                    if (d == c) {
                        if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                            text.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                    j++;
                }
                out.add(new Token(c == '"' ? Kind.QUOTED_NAME : Kind.STRING, text.toString(), i));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(Kind.NAME, sql.substring(i, j).toLowerCase(Locale.ROOT), i));
                i = j;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
                int j = i + 1;
                while (j < sql.length() && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, sql.substring(i, j), i));
                i = j;
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), i));
                i++;
            }
        }
        return out;
    }

    boolean atEnd() {
        return next >= tokens.size();
    }

    /** Consumes the keyword {@code word} if it is next. */
    boolean accept(String word) {
        if (!atEnd() && tokens.get(next).kind() == Kind.NAME && tokens.get(next).text().equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    void expect(String word) {
        if (!accept(word)) {
            throw error("expected " + word.toUpperCase(Locale.ROOT));
        }
    }

    boolean acceptPunct(String p) {
        if (!atEnd() && tokens.get(next).kind() == Kind.PUNCT && tokens.get(next).text().equals(p)) {
            next++;
            return true;
        }
        return false;
    }

    void expectPunct(String p) {
        if (!acceptPunct(p)) {
            throw error("expected \"" + p + "\"");
        }
    }

    /** A name (a keyword or a quoted identifier). */
    String name() {
        if (atEnd() || (tokens.get(next).kind() != Kind.NAME && tokens.get(next).kind() != Kind.QUOTED_NAME)) {
            throw error("expected a name");
        }
        return tokens.get(next++).text();
    }

    String string() {
        if (atEnd() || tokens.get(next).kind() != Kind.STRING) {
            throw error("expected a quoted string");
        }
        return tokens.get(next++).text();
    }

    int integer() {
        if (atEnd() || tokens.get(next).kind() != Kind.NUMBER) {
            throw error("expected a number");
        }
        try {
            return Integer.parseInt(tokens.get(next++).text());
        } catch (NumberFormatException e) {
            next--;
            throw error("expected a whole number");
        }
    }

    /** Skips one token, whatever it is. */
    void skip() {
        next++;
    }

    /** The next token's text (any kind), or "" at the end. */
    String peek() {
        return atEnd() ? "" : tokens.get(next).text();
    }

    /** The text from the next token to the end, as written. */
    String rest() {
        return atEnd() ? "" : sql.substring(tokens.get(next).start()).strip();
    }

    /** 1-based position of the next token (the end of the text at the end). */
    int position() {
        return (atEnd() ? sql.length() : tokens.get(next).start()) + 1;
    }

    void end() {
        if (!atEnd()) {
            throw error("unexpected \"" + peek() + "\"");
        }
    }

    SqlException error(String message) {
        String near = atEnd() ? "end of input" : "\"" + peek() + "\"";
        return new SqlException("42601", "syntax error at or near " + near + ": " + message, position());
    }
}
