package io.hallows.kernel.impl.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateKeysTest {
    @Test
    void reportsKeysGivenTwiceInOneObjectWithTheirLines() {
        String json = """
                { "a~x": { "name": "x", "cpus": "0" },
                  // "a~x": a comment is not a key
                  /* "a~y": { "workers": 1,
                     "workers": 2 } */
                  "a~y": { "workers": 1, "note": "\\"workers\\": 3",
                      "workers:Integer": 2, "list": [ { "k": 1 }, { "k": 2 } ] },
                  "a~x": { "name": "again" } }
                """;
        assertEquals(List.of(
                "line 6: \"workers\" is given twice (first on line 5); the later one is used",
                "line 7: \"a~x\" is given twice (first on line 1); the later one is used"), DuplicateKeys.in(json));
    }

    @Test
    void typeSuffixesOfPidsAreNotStrippedAtTheTop() {
        assertEquals(List.of(), DuplicateKeys.in("{ \"p:Integer\": 1, \"p\": 2 }"));
    }
}
