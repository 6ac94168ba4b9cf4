package io.hallows.bench.basilisk.peer;

import io.vertx.core.buffer.Buffer;
import java.util.List;

/** The fortunes page: TechEmpower's markup, every message HTML-escaped. */
final class Fortunes {

    record Fortune(int id, String message) {
    }

    private Fortunes() {
    }

    static Buffer page(List<Fortune> fortunes) {
        StringBuilder html = new StringBuilder(1200);
        html.append("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>")
                .append("<tr><th>id</th><th>message</th></tr>");
        for (Fortune fortune : fortunes) {
            html.append("<tr><td>").append(fortune.id()).append("</td><td>");
            escape(fortune.message(), html);
            html.append("</td></tr>");
        }
        html.append("</table></body></html>");
        return Buffer.buffer(html.toString());
    }

    static void escape(String text, StringBuilder out) {
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
}
