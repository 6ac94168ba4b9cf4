package io.hallows.kernel.impl.capability;

import io.hallows.kernel.api.Right;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads lists of rights as people write them in stacks, policies, headers and the shell. */
public final class Rights {
    private Rights() {
    }

    /** Parses {@code CALL,READ} (case-insensitive); {@code ALL} means every right. */
    public static Set<Right> parse(String text) {
        EnumSet<Right> rights = EnumSet.noneOf(Right.class);
        for (String word : text.split("[,+]")) {
            String w = word.trim().toUpperCase(Locale.ROOT);
            if (w.equals("ALL")) {
                rights.addAll(EnumSet.allOf(Right.class));
            } else if (!w.isEmpty()) {
                try {
                    rights.add(Right.valueOf(w));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown right '" + word.trim() + "' (rights: " + EnumSet.allOf(Right.class) + ")");
                }
            }
        }
        if (rights.isEmpty()) {
            throw new IllegalArgumentException("no rights in '" + text + "'");
        }
        return rights;
    }

}
