package org.empreinte.auth;

import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps credentials out of every log, at every level: a logger turned to DEBUG (Jetty's, Jersey's,
 * the HTTP client's) writes request headers, and with them Bearer tokens and session cookies. Each
 * event that would be written and carries one is written once more with the secret masked, and the
 * original is dropped. Messages without a secret pass untouched, at the cost of one scan of those
 * that are written.
 */
public class SecretMasking extends TurboFilter {

    /**
     * A secret after its name, however a header, a map, a form or JSON writes it ({@code Authorization:
     * Bearer x}, {@code {Authorization=[Bearer x]}}, {@code "authorization":"Bearer x"}, {@code password=x}),
     * a Bearer credential anywhere, the session cookie, and Empreinte's {@code emp_} tokens. Group 1 is
     * what stays; the rest becomes {@code ***}.
     */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:proxy-)?authorization[\"'\\s]*[:=][\\s\"'\\[{(]*(?:(?:bearer|basic|token)\\s+)?)[^\\s,;\\]})\"'&]+"
            + "|(bearer\\s+)[^\\s,;\\]})\"'&]+"
            + "|((?:set-)?cookie[\"'\\s]*[:=][\\s\"'\\[]*)[^\\r\\n\\]\"']+"
            + "|(empreinte_session\\s*=\\s*)[^\\s;,\\]\"'&]+"
            + "|((?:current|new)?password[\"'\\s]*[:=][\\s\"']*)[^\\s&,;\\]}\"']+"
            + "|(emp_)[A-Za-z0-9_-]{8,}");

    /** Secrets known by value (EMPREINTE_ADMIN_TOKEN has no prefix to recognise it by). */
    private static final java.util.Set<String> LITERALS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Set while this filter writes the masked copy, so that the copy is not examined again. */
    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

    /** Installs the filter once on logback's context, masking these secrets too wherever they appear. */
    public static void install(String... secrets) {
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 16) {
                LITERALS.add(secret);
            }
        }
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(SecretMasking.class::isInstance)) {
            SecretMasking filter = new SecretMasking();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        for (String secret : LITERALS) {
            text = text.replace(secret, "***");
        }
        return SECRET.matcher(text).replaceAll(match -> {
            for (int group = 1; group <= 6; group++) {
                if (match.group(group) != null) {
                    return java.util.regex.Matcher.quoteReplacement(match.group(group)) + "***";
                }
            }
            return "***";
        });
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (WRITING.get() || format == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        String message = params == null || params.length == 0 ? format
                : MessageFormatter.arrayFormat(format, params).getMessage();
        String masked = mask(message);
        Throwable thrown = t == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                ? last : t;
        Throwable maskedThrown = masked(thrown, 0);
        if (masked.equals(message) && maskedThrown == thrown) {
            return FilterReply.NEUTRAL;
        }
        WRITING.set(true);
        try {
            LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, masked, maskedThrown, null);
            if (marker != null) {
                event.addMarker(marker);
            }
            logger.callAppenders(event);
        } finally {
            WRITING.set(false);
        }
        return FilterReply.DENY;
    }

    /** The exception itself when nothing in its messages is secret, else a copy that says it masked. */
    private static Throwable masked(Throwable thrown, int depth) {
        if (thrown == null || depth > 8) {
            return thrown;
        }
        Throwable cause = masked(thrown.getCause(), depth + 1);
        String message = thrown.getMessage();
        String maskedMessage = mask(message);
        if (cause == thrown.getCause() && java.util.Objects.equals(message, maskedMessage)) {
            return thrown;
        }
        Throwable copy = new MaskedException(thrown.getClass().getName() + ": " + maskedMessage, cause);
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** Stands in a log for an exception whose message held a secret. */
    static final class MaskedException extends RuntimeException {
        MaskedException(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
