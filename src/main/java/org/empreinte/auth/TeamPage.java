package org.empreinte.auth;

import java.util.Map;

import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** The team page and an invitation's link page: a title and a few lines of model each. */
public class TeamPage extends Page {

    private final String title;
    private final Map<String, Object> model;

    TeamPage(String template, PageContext context, String title, Map<String, Object> model) {
        super(template, context);
        this.title = title;
        this.model = model;
    }

    @Override
    public String getTitle() {
        return title;
    }

    public Map<String, Object> getM() {
        return model;
    }
}
