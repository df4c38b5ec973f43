package org.empreinte.auth;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.filter.FilterFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;

/**
 * Keeps invitation links out of the HTTP request log. The link's secret is its path ({@code /invitations/{secret}}),
 * and whoever reads the log could set the invitee's password with it before she does. A request log line cannot be
 * rewritten, only dropped: those requests are left out; the invitation's own audit entries say when it was used.
 * Added in code to every request-log appender, so that a deployment's own logging settings cannot leave it out.
 */
public final class InvitationLinkLog implements FilterFactory<IAccessEvent> {

    static final String PREFIX = "/invitations/";

    /** Adds this filter to each request-log appender of these server settings. */
    public static void install(ServerFactory server) {
        if (!(server instanceof io.dropwizard.core.server.AbstractServerFactory settings)
                || !(settings.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory log)) {
            return;
        }
        for (AppenderFactory<IAccessEvent> appender : log.getAppenders()) {
            if (appender instanceof AbstractAppenderFactory<IAccessEvent> configured
                    && configured.getFilterFactories().stream().noneMatch(InvitationLinkLog.class::isInstance)) {
                List<FilterFactory<IAccessEvent>> filters = new ArrayList<>(configured.getFilterFactories());
                filters.add(new InvitationLinkLog());
                configured.setFilterFactories(filters);
            }
        }
    }

    @Override
    public Filter<IAccessEvent> build() {
        return new Filter<>() {
            @Override
            public FilterReply decide(IAccessEvent event) {
                return carriesALink(event.getRequestURI()) ? FilterReply.DENY : FilterReply.NEUTRAL;
            }
        };
    }

    static boolean carriesALink(String path) {
        return path != null && path.startsWith(PREFIX) && path.length() > PREFIX.length();
    }
}
