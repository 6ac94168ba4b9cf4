package io.hallows.kernel.impl;

import java.util.regex.Pattern;

/** A symbolic-name pattern where {@code *} matches any run of characters: {@code io.hallows.db.*}. */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    public static Glob of(String text) {
        return new Glob(text);
    }

    public boolean matches(String name) {
        return name != null && pattern.matcher(name).matches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g && g.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
