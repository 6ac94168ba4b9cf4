package io.hallows.pgwire.codec;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and timestamps in PostgreSQL's ISO style: {@code 2024-02-29}, {@code 2024-02-29
 * 13:45:01.25}, {@code 2024-02-29 13:45:01.25+01}; years before 1 as {@code 0044-03-15 BC};
 * {@code infinity} and {@code -infinity} for the {@code MAX} and {@code MIN} values. Reading
 * accepts what clients send: a {@code T} separator, a zone on any of them ({@code Z}, {@code +01},
 * {@code +05:30}; ignored for {@code date} and {@code timestamp}, as PostgreSQL does).
 */
final class DateTimeText {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{1,7})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?"
                    + " ?(Z|[+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?)?( BC)?");

    private DateTimeText() {
    }

    static String formatDate(LocalDate date) {
        if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
            return date.equals(LocalDate.MAX) ? "infinity" : "-infinity";
        }
        StringBuilder out = new StringBuilder(16);
        appendDate(out, date);
        return appendEra(out, date.getYear()).toString();
    }

    static String formatTimestamp(LocalDateTime value) {
        if (value.equals(LocalDateTime.MAX) || value.equals(LocalDateTime.MIN)) {
            return value.equals(LocalDateTime.MAX) ? "infinity" : "-infinity";
        }
        StringBuilder out = new StringBuilder(32);
        appendDateTime(out, value);
        return appendEra(out, value.getYear()).toString();
    }

    static String formatTimestampTz(OffsetDateTime value, ZoneId zone) {
        if (value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
            return value.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity";
        }
        OffsetDateTime local = value.atZoneSameInstant(zone).toOffsetDateTime();
        StringBuilder out = new StringBuilder(40);
        appendDateTime(out, local.toLocalDateTime());
        int seconds = local.getOffset().getTotalSeconds();
        out.append(seconds < 0 ? '-' : '+');
        seconds = Math.abs(seconds);
        two(out, seconds / 3600);
        if (seconds % 3600 != 0) {
            two(out.append(':'), seconds / 60 % 60);
            if (seconds % 60 != 0) {
                two(out.append(':'), seconds % 60);
            }
        }
        return appendEra(out, local.getYear()).toString();
    }

    static Object parse(SqlType type, String text, ZoneId zone) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("infinity") || lower.equals("+infinity") || lower.equals("-infinity")) {
            boolean max = !lower.startsWith("-");
            return switch (type) {
                case DATE -> max ? LocalDate.MAX : LocalDate.MIN;
                case TIMESTAMP -> max ? LocalDateTime.MAX : LocalDateTime.MIN;
                default -> max ? OffsetDateTime.MAX : OffsetDateTime.MIN;
            };
        }
        Matcher m = ISO.matcher(t);
        if (!m.matches()) {
            throw bad(type, text);
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(9) != null) {
                year = 1 - year;
            }
            LocalDate date = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (type == SqlType.DATE) {
                return date;
            }
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                String fraction = m.group(7) == null ? "" : m.group(7);
                int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            }
            LocalDateTime local = LocalDateTime.of(date, time);
            if (type == SqlType.TIMESTAMP) {
                return local;
            }
            String offset = m.group(8);
            return offset == null ? local.atZone(zone).toOffsetDateTime() : local.atOffset(offset(offset));
        } catch (DateTimeException | NumberFormatException e) {
            throw new SqlException("22008", "date/time field value out of range: \"" + text + "\"");
        }
    }

    private static ZoneOffset offset(String text) {
        if (text.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() % 2 == 1 ? digits.substring(0, 1) : digits.substring(0, 2));
        int rest = digits.length() % 2 == 1 ? 1 : 2;
        int minutes = digits.length() >= rest + 2 ? Integer.parseInt(digits.substring(rest, rest + 2)) : 0;
        int seconds = digits.length() >= rest + 4 ? Integer.parseInt(digits.substring(rest + 2, rest + 4)) : 0;
        int sign = text.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }

    private static SqlException bad(SqlType type, String text) {
        return new SqlException("22007", "invalid input syntax for type " + TypeNames.of(type) + ": \"" + text + "\"");
    }

    private static void appendDate(StringBuilder out, LocalDate date) {
        int year = date.getYear() > 0 ? date.getYear() : 1 - date.getYear();
        String digits = Integer.toString(year);
        out.append("0".repeat(Math.max(0, 4 - digits.length()))).append(digits).append('-');
        two(out, date.getMonthValue()).append('-');
        two(out, date.getDayOfMonth());
    }

    private static void appendDateTime(StringBuilder out, LocalDateTime value) {
        appendDate(out, value.toLocalDate());
        out.append(' ');
        two(out, value.getHour()).append(':');
        two(out, value.getMinute()).append(':');
        two(out, value.getSecond());
        int micros = value.getNano() / 1000;
        if (micros != 0) {
            String fraction = Integer.toString(1_000_000 + micros).substring(1);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
    }

    private static StringBuilder appendEra(StringBuilder out, int year) {
        return year > 0 ? out : out.append(" BC");
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return (value < 10 ? out.append('0') : out).append(value);
    }
}
