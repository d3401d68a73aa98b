package com.almreporting.gateway.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Execution times in every form TWS-FACTS §6 lists as seen in the wild:
 * <ol>
 *   <li>{@code yyyyMMdd HH:mm:ss <zone>}, e.g. {@code 20260413 15:27:04 US/Eastern} — the zone is an IANA id, an old
 *       alias ({@code US/Eastern}, {@code Universal}) or a short id ({@code EST}, {@code CET});</li>
 *   <li>{@code yyyyMMdd-HH:mm:ss} — UTC;</li>
 *   <li>{@code yyyyMMdd  HH:mm:ss} (two spaces, or one and no zone) — the gateway's local time.</li>
 * </ol>
 * Epoch seconds are accepted too (ib_async does). The gateway's zone is the caller's (configured) choice; a zone
 * name Java does not know falls back to it, and the result says so. Immutable and thread-safe.
 */
public final class ExecTimes {

    private static final Pattern UTC = Pattern.compile("^(\\d{8})-(\\d{2}:\\d{2}:\\d{2})$");
    private static final Pattern LOCAL = Pattern.compile("^(\\d{8}) {1,2}(\\d{2}:\\d{2}:\\d{2})$");
    private static final Pattern ZONED = Pattern.compile("^(\\d{8}) (\\d{2}:\\d{2}:\\d{2}) (\\S.*)$");
    private static final Pattern EPOCH = Pattern.compile("^\\d{9,11}$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /**
     * Abbreviations and Windows names a gateway may print. Java's own short ids are not used: they map some
     * abbreviations surprisingly ({@code BST} → Dhaka, {@code IST} → Kolkata).
     */
    private static final Map<String, ZoneId> ABBREVIATIONS = Map.ofEntries(
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("CET", ZoneOffset.ofHours(1)), Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("HKT", ZoneOffset.ofHours(8)), Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("EASTERN STANDARD TIME", ZoneId.of("America/New_York")),
            Map.entry("CENTRAL EUROPEAN STANDARD TIME", ZoneId.of("Europe/Berlin")),
            Map.entry("CHINA STANDARD TIME", ZoneId.of("Asia/Shanghai")));

    private final ZoneId gatewayZone;

    public ExecTimes(ZoneId gatewayZone) {
        this.gatewayZone = Objects.requireNonNull(gatewayZone, "gatewayZone");
    }

    /** The zone of times sent without one. */
    public ZoneId gatewayZone() {
        return gatewayZone;
    }

    /** A parsed time; {@code assumedZone} is true when the text named no zone Java knows and the gateway's was used. */
    public record ExecTime(Instant instant, boolean assumedZone) {
    }

    public ExecTime parse(String text) throws TwsProtocolException {
        String s = text == null ? "" : text.strip();
        try {
            Matcher m = UTC.matcher(s);
            if (m.matches()) {
                return new ExecTime(local(m).toInstant(ZoneOffset.UTC), false);
            }
            m = LOCAL.matcher(s);
            if (m.matches()) {
                return new ExecTime(local(m).atZone(gatewayZone).toInstant(), true);
            }
            m = ZONED.matcher(s);
            if (m.matches()) {
                ZoneId zone = zone(m.group(3).strip());
                return zone == null
                        ? new ExecTime(local(m).atZone(gatewayZone).toInstant(), true)
                        : new ExecTime(local(m).atZone(zone).toInstant(), false);
            }
            if (EPOCH.matcher(s).matches()) {
                return new ExecTime(Instant.ofEpochSecond(Long.parseLong(s)), false);
            }
        } catch (DateTimeException e) {
            throw new TwsProtocolException("execution time '" + s + "' is not a valid date and time", e);
        }
        throw new TwsProtocolException("execution time '" + s + "' is in none of the known forms "
                + "(yyyyMMdd HH:mm:ss zone, yyyyMMdd-HH:mm:ss UTC, yyyyMMdd  HH:mm:ss local)");
    }

    /** The UTC form reqExecutions' filter takes (TWS-FACTS §3): {@code yyyyMMdd-HH:mm:ss}. */
    public static String filterTime(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return utc.format(DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss"));
    }

    private static LocalDateTime local(Matcher m) {
        try {
            return LocalDateTime.of(LocalDate.parse(m.group(1), DATE), LocalTime.parse(m.group(2)));
        } catch (DateTimeParseException e) {
            throw new DateTimeException(e.getMessage(), e);
        }
    }

    private static ZoneId zone(String name) {
        ZoneId known = ABBREVIATIONS.get(name.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
