package io.hallows.basilisk.server;

import io.vertx.core.http.HttpHeaders;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header's value (RFC 9110 IMF-fixdate), formatted once a second, not per response. */
final class HttpDate {
    /** Two-digit day, English names: RFC_1123_DATE_TIME would write "Thu, 3 Dec". */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private volatile CharSequence value = format();

    /** Called by a one-second timer. */
    void tick() {
        value = format();
    }

    CharSequence value() {
        return value;
    }

    private static CharSequence format() {
        return HttpHeaders.createOptimized(IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }
}
