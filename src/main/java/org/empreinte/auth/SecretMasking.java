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

    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:proxy-)?authorization\\s*[:=]\\s*(?:bearer|basic)?\\s*)[^\\s,;\\]\"']+"
            + "|((?:set-)?cookie\\s*[:=]\\s*)[^\\r\\n\\]\"']+"
            + "|(empreinte_session\\s*=\\s*)[^\\s;,\\]\"']+"
            + "|(emp_)[A-Za-z0-9_-]{8,}");

    /** Set while this filter writes the masked copy, so that the copy is not examined again. */
    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

    /** Installs the filter once on logback's context. */
    public static void install() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(SecretMasking.class::isInstance)) {
            SecretMasking filter = new SecretMasking();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    public static String mask(String text) {
        return text == null ? null : SECRET.matcher(text).replaceAll(match -> {
            for (int group = 1; group <= 4; group++) {
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
        if (masked.equals(message)) {
            return FilterReply.NEUTRAL;
        }
        WRITING.set(true);
        try {
            LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, masked, t, null);
            if (marker != null) {
                event.addMarker(marker);
            }
            logger.callAppenders(event);
        } finally {
            WRITING.set(false);
        }
        return FilterReply.DENY;
    }
}
