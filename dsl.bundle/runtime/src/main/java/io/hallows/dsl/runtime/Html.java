package io.hallows.dsl.runtime;

/**
 * A Parseltongue {@code Html} value: markup made by a {@code template}, where every value written
 * with {@code {expr}} was escaped. Parseltongue has no conversion from a String to Html, so a page
 * never holds unescaped text a request brought in. Immutable.
 *
 * <p>{@link #markup} is public because generated templates live in other packages; it trusts its
 * argument, so only generated template code calls it.
 */
public final class Html {
    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** The page a generated template wrote into {@code out}. */
    public static Html markup(CharSequence out) {
        return new Html(out.toString());
    }

    /** {@code {value}} of a template: {@code text} with {@code & < > " '} escaped, appended to {@code out}. */
    public static void text(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** {@code {n}} of a template for an Int: digits and a sign need no escaping. */
    public static void text(StringBuilder out, long n) {
        out.append(n);
    }

    /** {@code {x}} of a template for a Float, as {@code str(x)} writes it. */
    public static void text(StringBuilder out, double x) {
        out.append(x);
    }

    /** {@code {b}} of a template for a Bool. */
    public static void text(StringBuilder out, boolean b) {
        out.append(b);
    }

    /** {@code {page}} of a template, where {@code page} is Html already: appended as it is. */
    public static void text(StringBuilder out, Html html) {
        out.append(html.markup);
    }

    /** The markup. */
    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Html h && h.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }
}
