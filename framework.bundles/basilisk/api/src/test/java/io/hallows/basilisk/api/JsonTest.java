package io.hallows.basilisk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static Object parse(String s) throws BadRequest {
        return Json.parse(s.getBytes(StandardCharsets.UTF_8), "body");
    }

    @Test
    void parsesATreeInOrder() throws BadRequest {
        assertEquals(Map.of("a", List.of(1L, 2.5, "x", true), "b", Map.of()), parse("{\"a\": [1, 2.5, \"x\", true], \"b\": {}}"));
    }

    @Test
    void errorsNameWhereInTheDocument() {
        BadRequest twice = assertThrows(BadRequest.class, () -> parse("{\"a\": [{}, {\"b\": 1, \"b\": 2}]}"));
        assertEquals("body.a[1].b", twice.field());
        BadRequest big = assertThrows(BadRequest.class, () -> parse("{\"n\": [0, 123456789012345678901234567890]}"));
        assertEquals("body.n[1]", big.field());
        assertThrows(BadRequest.class, () -> parse("{\"n\": 1} trailing"));
        assertThrows(BadRequest.class, () -> parse("[".repeat(Json.MAX_DEPTH + 1)));
    }

    @Test
    void aLongMemberNameOverManyElementsIsReadInLinearTime() throws BadRequest {
        // The path of each element is only made into text for an error: 10 nested members of 49,000
        // characters over 100,000 elements would otherwise copy about 5e10 characters.
        String name = "m".repeat(49_000);
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            doc.append("{\"").append(name).append(i).append("\":");
        }
        doc.append('[').append("0,".repeat(99_999)).append("0]").append("}".repeat(10));
        Object tree = parse(doc.toString());
        for (int i = 0; i < 10; i++) {
            tree = ((Map<?, ?>) tree).get(name + i);
        }
        assertEquals(100_000, ((List<?>) tree).size());
    }
}
