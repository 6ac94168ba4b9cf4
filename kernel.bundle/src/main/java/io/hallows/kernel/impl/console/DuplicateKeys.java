package io.hallows.kernel.impl.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds keys given twice in one object of a stack file (JSON with comments). The Configurator's
 * reader keeps the last value without a word; an integrator who declares a partition twice, or a
 * field twice, must hear of it. Inside a configuration a key's type suffix is ignored
 * ({@code "workers"} and {@code "workers:Integer"} are the same property). The text is assumed to
 * be valid JSON otherwise: the reader reports what is not.
 */
final class DuplicateKeys {
    private DuplicateKeys() {
    }

    /** One line per duplicate: {@code line 12: "io.hallows.partition~web" is given twice (first on line 4); the later one is used}. */
    static List<String> in(String json) {
        List<String> found = new ArrayList<>();
        Deque<Map<String, Integer>> objects = new ArrayDeque<>(); // keys seen per open object, with their lines
        Deque<Boolean> isObject = new ArrayDeque<>();
        int line = 1;
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < json.length() && json.charAt(i + 1) == '/') {
                i = json.indexOf('\n', i) < 0 ? json.length() : json.indexOf('\n', i);
            } else if (c == '/' && i + 1 < json.length() && json.charAt(i + 1) == '*') {
                int end = json.indexOf("*/", i + 2);
                end = end < 0 ? json.length() : end + 2;
                line += (int) json.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '{' || c == '[') {
                isObject.push(c == '{');
                objects.push(new HashMap<>());
                i++;
            } else if (c == '}' || c == ']') {
                if (!isObject.isEmpty()) {
                    isObject.pop();
                    objects.pop();
                }
                i++;
            } else if (c == '"') {
                int end = stringEnd(json, i);
                String text = json.substring(i + 1, Math.max(i + 1, end - 1));
                int after = end;
                while (after < json.length() && Character.isWhitespace(json.charAt(after)) && json.charAt(after) != '\n') {
                    after++;
                }
                if (after < json.length() && json.charAt(after) == ':' && !isObject.isEmpty() && isObject.peek()) {
                    String key = objects.size() >= 2 ? text.replaceFirst(":[A-Za-z\\[\\]<>]+$", "") : text;
                    Integer first = objects.peek().putIfAbsent(key, line);
                    if (first != null) {
                        found.add("line " + line + ": \"" + key + "\" is given twice (first on line " + first + "); the later one is used");
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return found;
    }

    /** The index just past the string starting at {@code start} (a quote), skipping escapes. */
    private static int stringEnd(String json, int start) {
        int i = start + 1;
        while (i < json.length() && json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, json.length());
    }
}
