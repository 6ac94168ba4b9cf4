package io.hallows.dsl.impl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.FrontEnd;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad bytes are one positioned diagnostic; garbage gives a capped list of diagnostics. */
class SourceTextTest {
    @Test
    void theFirstByteThatIsNotUtf8IsNamedWithItsLineAndColumn() {
        byte[] good = "module m version \"1.0.0\";\n// é is fine\nop é".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xC3; // a lead byte followed by one that does not continue it
        bytes[good.length + 1] = (byte) '(';
        SourceText.Decoded decoded = SourceText.decode("bad.pt", bytes);
        assertNull(decoded.text());
        assertEquals("bad.pt:3:5: error[PT0107]: the file is not UTF-8 text: byte 0xC3 at offset " + good.length
                + " starts no valid UTF-8 character (save it as UTF-8)", decoded.error().format());
    }

    @Test
    void utf8TextDecodesWithoutADiagnostic() {
        SourceText.Decoded decoded = SourceText.decode("ok.pt", "\uFEFFmodule ü;".getBytes(StandardCharsets.UTF_8));
        assertNull(decoded.error());
        assertEquals("\uFEFFmodule ü;", decoded.text());
    }

    @Test
    void aMegabyteOfRandomTextGivesAtMostAScreenfulOfDiagnostics() {
        Random random = new Random(15);
        String alphabet = "abcxyz019 \n\t{}()[];:,.\"'+-*/<>=!&|@#$%^~`\\";
        StringBuilder text = new StringBuilder();
        while (text.length() < 1 << 20) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        List<Diagnostic> diagnostics = FrontEnd.check("noise.pt", text.toString());
        assertEquals(Diagnostics.LIMIT + 1, diagnostics.size());
        Diagnostic last = diagnostics.getLast();
        assertEquals("PT0199", last.code());
        assertTrue(last.message().matches("\\d+ more diagnostics in this file are not shown \\(the first 100 are\\)"), last.message());
    }
}
