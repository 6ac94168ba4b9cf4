package io.hallows.dsl.impl.syntax;

import java.util.HashMap;
import java.util.Map;

/** The kinds of tokens. Keywords and punctuation carry their fixed text. */
public enum TokenKind {
    IDENT(null), INT(null), FLOAT(null), STRING(null), EOF(null),

    MODULE("module"), VERSION("version"), IMPORT("import"), SERVICE("service"), FROM("from"), JAVA("java"),
    MODEL("model"), REACTIVE_MODEL("reactive_model"), ERROR("error"), OP("op"), RAISES("raises"),
    LET("let"), VAR("var"), LET_COW_VAR("let_cow_var"), LET_MUT_SHARED_VAR("let_mut_shared_var"),
    LET_REACTIVE_VAR("let_reactive_var"), DERIVED("derived"), ON("on"), CHANGED("changed"),
    IF("if"), ELSE("else"), FOR("for"), IN("in"), WHILE("while"), RETURN("return"), RAISE("raise"),
    TRY("try"), CATCH("catch"), MATCH("match"), SOME("some"), NONE("none"), TRUE("true"), FALSE("false"),
    AND("and"), OR("or"), NOT("not"),

    LBRACE("{"), RBRACE("}"), LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"),
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="), ASSIGN("="), ARROW("=>"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"),
    DOT("."), COMMA(","), COLON(":"), SEMI(";"), AT("@");

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind kind : values()) {
            if (kind.isKeyword()) {
                KEYWORDS.put(kind.text, kind);
            }
        }
    }

    private final String text;

    TokenKind(String text) {
        this.text = text;
    }

    /** The fixed text of a keyword or punctuation, null for names, literals and the end of file. */
    public String text() {
        return text;
    }

    public boolean isKeyword() {
        return text != null && Character.isLetter(text.charAt(0));
    }

    /** The keyword spelled {@code word}, or {@link #IDENT} if it is not one. */
    static TokenKind keywordOrIdent(String word) {
        return KEYWORDS.getOrDefault(word, IDENT);
    }
}
