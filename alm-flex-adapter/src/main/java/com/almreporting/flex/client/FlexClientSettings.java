package com.almreporting.flex.client;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the {@link FlexWebServiceClient} talks to the Flex Web Service. From the environment
 * ({@link #fromEnvironment(Map, FlexToken)}; durations in seconds, decimals allowed):
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><td>{@code ALM_FLEX_BASE_URL}</td><td>service root to which {@code /SendRequest} and {@code /GetStatement} are
 *       appended, default {@value #DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@code ALM_FLEX_FIRST_WAIT}</td><td>wait between SendRequest and the first GetStatement, default 15</td></tr>
 *   <tr><td>{@code ALM_FLEX_POLL_INTERVAL}</td><td>first interval between polls, growing ×1.5 up to 60, default 10</td></tr>
 *   <tr><td>{@code ALM_FLEX_DEADLINE}</td><td>overall limit of one fetch, default 600</td></tr>
 *   <tr><td>{@code ALM_FLEX_RATE_LIMIT_WAIT}</td><td>wait after error 1018 (rate limit), default 60</td></tr>
 *   <tr><td>{@code ALM_FLEX_REQUEST_TIMEOUT}</td><td>limit of one HTTP exchange, body included, default 120</td></tr>
 *   <tr><td>{@code IBKR_FLEX_TOKEN} or {@code IBKR_FLEX_TOKEN_FILE}</td><td>the token, or a file holding it
 *       ({@link #tokenFromEnvironment(Map)})</td></tr>
 *   <tr><td>{@code IBKR_FLEX_QUERY_ID}</td><td>query ids, comma-separated ({@link #queryIdsFromEnvironment(Map)})</td></tr>
 * </table>
 *
 * <p>Transport failures (connection refused or reset, timeouts, HTTP 408/429/5xx) are retried {@code httpAttempts}
 * times in all, {@code retryWait} apart (doubling). Requests are at least {@code minRequestGap} apart (IBKR allows one
 * per second per token). Immutable; {@link #toString()} masks the token.
 */
public record FlexClientSettings(
        URI baseUrl,
        FlexToken token,
        String userAgent,
        Duration firstWait,
        Duration pollInterval,
        Duration maxPollInterval,
        double backoffFactor,
        Duration deadline,
        Duration rateLimitWait,
        Duration requestTimeout,
        int httpAttempts,
        Duration retryWait,
        Duration minRequestGap,
        int maxRestarts) {

    public static final String DEFAULT_BASE_URL = "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService";
    /** IBKR asks for "Technology/Version" (ibkrguides flex3: "Java/1.8"); the product follows in a comment. */
    public static final String DEFAULT_USER_AGENT = "Java/" + Runtime.version().feature() + " (alm-reporting)";

    public FlexClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(userAgent, "userAgent");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!baseUrl.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || baseUrl.getHost() == null
                || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("ALM_FLEX_BASE_URL must be an http(s) URL of the service root without a"
                    + " query, like " + DEFAULT_BASE_URL + "; was " + FlexToken.redactParameter(baseUrl.toString()));
        }
        String root = baseUrl.toString();
        if (root.endsWith("/")) {
            baseUrl = URI.create(root.replaceAll("/+$", ""));
        }
        nonNegative(firstWait, "first wait");
        positive(pollInterval, "poll interval");
        positive(maxPollInterval, "largest poll interval");
        positive(deadline, "deadline");
        nonNegative(rateLimitWait, "rate-limit wait");
        positive(requestTimeout, "request timeout");
        nonNegative(retryWait, "retry wait");
        nonNegative(minRequestGap, "request gap");
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            maxPollInterval = pollInterval;
        }
        if (!(backoffFactor >= 1.0 && backoffFactor <= 10.0)) {
            throw new IllegalArgumentException("back-off factor must be 1..10, was " + backoffFactor);
        }
        if (httpAttempts < 1 || httpAttempts > 20) {
            throw new IllegalArgumentException("HTTP attempts must be 1..20, was " + httpAttempts);
        }
        if (maxRestarts < 0 || maxRestarts > 10) {
            throw new IllegalArgumentException("restarts must be 0..10, was " + maxRestarts);
        }
    }

    /** IBKR's documented host and this project's defaults (first wait 15 s, poll 10 s, deadline 600 s, 1018 wait 60 s). */
    public static FlexClientSettings defaults(FlexToken token) {
        return new FlexClientSettings(URI.create(DEFAULT_BASE_URL), token, DEFAULT_USER_AGENT, Duration.ofSeconds(15),
                Duration.ofSeconds(10), Duration.ofSeconds(60), 1.5, Duration.ofSeconds(600), Duration.ofSeconds(60),
                Duration.ofSeconds(120), 4, Duration.ofSeconds(5), Duration.ofSeconds(1), 2);
    }

    /** The defaults overridden by the {@code ALM_FLEX_*} variables of {@code env}. */
    public static FlexClientSettings fromEnvironment(Map<String, String> env, FlexToken token) {
        FlexClientSettings s = defaults(token);
        String base = blankToNull(env.get("ALM_FLEX_BASE_URL"));
        if (base != null) {
            s = s.withBaseUrl(parseUrl(base.strip()));
        }
        s = s.withFirstWait(seconds(env, "ALM_FLEX_FIRST_WAIT", s.firstWait()))
                .withPollInterval(seconds(env, "ALM_FLEX_POLL_INTERVAL", s.pollInterval()))
                .withDeadline(seconds(env, "ALM_FLEX_DEADLINE", s.deadline()))
                .withRateLimitWait(seconds(env, "ALM_FLEX_RATE_LIMIT_WAIT", s.rateLimitWait()))
                .withRequestTimeout(seconds(env, "ALM_FLEX_REQUEST_TIMEOUT", s.requestTimeout()));
        return s;
    }

    /** The token from {@code IBKR_FLEX_TOKEN}, or from the file {@code IBKR_FLEX_TOKEN_FILE} names (not both). */
    public static FlexToken tokenFromEnvironment(Map<String, String> env) {
        String token = blankToNull(env.get("IBKR_FLEX_TOKEN"));
        String file = blankToNull(env.get("IBKR_FLEX_TOKEN_FILE"));
        if (token != null && file != null) {
            throw new IllegalArgumentException("both IBKR_FLEX_TOKEN and IBKR_FLEX_TOKEN_FILE are set: set one");
        }
        if (file != null) {
            return FlexToken.fromFile(Path.of(file.strip()));
        }
        if (token == null) {
            throw new IllegalArgumentException("no Flex Web Service token: set IBKR_FLEX_TOKEN, or IBKR_FLEX_TOKEN_FILE to a"
                    + " file holding it (create the token in Client Portal: Performance & Reports > Flex Queries > Flex Web"
                    + " Service Configuration)");
        }
        try {
            return FlexToken.of(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("IBKR_FLEX_TOKEN: " + e.getMessage(), null);
        }
    }

    /** The query ids of {@code IBKR_FLEX_QUERY_ID} (comma-separated); empty when it is not set. */
    public static List<String> queryIdsFromEnvironment(Map<String, String> env) {
        return splitQueryIds(env.get("IBKR_FLEX_QUERY_ID"));
    }

    /** Comma-separated query ids, blanks dropped, duplicates removed, order kept. */
    public static List<String> splitQueryIds(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** A duration given in seconds with decimals ({@code 15}, {@code 0.05}); {@code what} names it in errors. */
    public static Duration parseSeconds(String text, String what) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number of seconds (decimals allowed), was '" + text + "'", e);
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
            throw new IllegalArgumentException(what + " must be 0..86400 seconds, was " + text.strip());
        }
        return Duration.ofNanos(seconds.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String value = blankToNull(env.get(name));
        return value == null ? fallback : parseSeconds(value, name);
    }

    private static URI parseUrl(String url) {
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("ALM_FLEX_BASE_URL is not a URL: " + FlexToken.redactParameter(url), null);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }

    private static void nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + d);
        }
    }

    public FlexClientSettings withBaseUrl(URI v) {
        return new FlexClientSettings(v, token, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withToken(FlexToken v) {
        return new FlexClientSettings(baseUrl, v, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withFirstWait(Duration v) {
        return new FlexClientSettings(baseUrl, token, userAgent, v, pollInterval, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withPollInterval(Duration v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, v, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withMaxPollInterval(Duration v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, v, backoffFactor, deadline,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withBackoffFactor(double v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, maxPollInterval, v, deadline,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withDeadline(Duration v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, v,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withRateLimitWait(Duration v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, deadline,
                v, requestTimeout, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withRequestTimeout(Duration v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, v, httpAttempts, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withHttpAttempts(int v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, requestTimeout, v, retryWait, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withRetryWait(Duration v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, requestTimeout, httpAttempts, v, minRequestGap, maxRestarts);
    }

    public FlexClientSettings withMinRequestGap(Duration v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, v, maxRestarts);
    }

    public FlexClientSettings withMaxRestarts(int v) {
        return new FlexClientSettings(baseUrl, token, userAgent, firstWait, pollInterval, maxPollInterval, backoffFactor, deadline,
                rateLimitWait, requestTimeout, httpAttempts, retryWait, minRequestGap, v);
    }

    @Override
    public String toString() {
        return "FlexClientSettings[baseUrl=" + baseUrl + ", token=" + token + ", userAgent=" + userAgent + ", firstWait="
                + firstWait + ", pollInterval=" + pollInterval + ", maxPollInterval=" + maxPollInterval + ", backoffFactor="
                + backoffFactor + ", deadline=" + deadline + ", rateLimitWait=" + rateLimitWait + ", requestTimeout="
                + requestTimeout + ", httpAttempts=" + httpAttempts + ", retryWait=" + retryWait + ", minRequestGap="
                + minRequestGap + ", maxRestarts=" + maxRestarts + "]";
    }
}
