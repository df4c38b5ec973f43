package org.empreinte.web;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Map;

import io.dropwizard.views.common.View;

/** A server-rendered page: its template lies beside its class; texts come from the page bundles. */
public abstract class Page extends View {

    private final PageContext context;

    protected Page(String template, PageContext context) {
        super(template, StandardCharsets.UTF_8);
        this.context = context;
    }

    public abstract String getTitle();

    public Map<String, String> getT() {
        return context.messages().asMap();
    }

    public String getLang() {
        return context.language();
    }

    /** The session's CSRF token, posted back by every form as the field {@code csrf}. */
    public String getCsrf() {
        return context.csrf();
    }

    /** The signed-in person's name, for the header; null on the sign-in page. */
    public String getUserName() {
        return context.userName();
    }

    /** The header's links to networks: for their coordinators and administrators. */
    public boolean getNavNetworks() {
        return context.roles() != null && (context.roles().contains("coordinator") || context.roles().contains("admin"));
    }

    /** The header's link to the people of Empreinte: administrators only. */
    public boolean getNavAdmin() {
        return context.roles() != null && context.roles().contains("admin");
    }

    public String getSwitchUrl() {
        return context.switchUrl();
    }

    public String getSwitchLabel() {
        return context.messages().get("lang_switch");
    }

    protected Messages messages() {
        return context.messages();
    }

    protected PageContext context() {
        return context;
    }

    /** kg CO2e shown to a person: grouped digits in their language, one decimal below 100 kg. */
    protected String kg(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(messages().locale());
        format.setMaximumFractionDigits(Math.abs(value) < 100 ? 1 : 0);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    protected String number(double value, int maxFractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(messages().locale());
        format.setMaximumFractionDigits(maxFractionDigits);
        return format.format(value);
    }
}
