package org.empreinte.questionnaire;

import java.util.List;

import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.Page;

/** The simplified yearly assessment: about fifteen questions in six short steps, on one page that a phone can fill. */
public class QuestionnairePage extends Page {

    /** A question as shown: its field, label, help, what was typed or chosen, why it was refused. */
    public record Field(String name, String label, String help, String value, String error, boolean choice,
            List<Form.Option> options) {
    }

    /** A step of the questionnaire. */
    public record Step(String name, String legend, String intro, List<Field> fields) {
    }

    private final Organization organization;
    private final Form form;
    private final BuildingEnergy energy;

    public QuestionnairePage(PageContext context, Organization organization, Form form, BuildingEnergy energy) {
        super("questionnaire.mustache", context);
        this.organization = organization;
        this.form = form;
        this.energy = energy;
    }

    @Override
    public String getTitle() {
        return getHeading() + " — " + organization.name();
    }

    public String getHeading() {
        String year = form.value("year");
        boolean known = year != null && year.matches("\\d{4}") && !form.getErrors().containsKey("year");
        return known ? messages().format("q_title_year", year) : messages().get("q_title");
    }

    public Organization getOrganization() {
        return organization;
    }

    public Form getForm() {
        return form;
    }

    /** Where the floor-area estimate comes from, said under its question. */
    public String getAreaSource() {
        return messages().format("q_area_source", number(energy.gjPerSquareMetre(), 2), energy.source(), energy.licence());
    }

    public List<Step> getSteps() {
        return QuestionnairePlan.SECTIONS.stream().map(section -> new Step(section.name(),
                messages().get("q_section_" + section.name()), messages().has("q_section_" + section.name() + "_intro")
                        ? messages().get("q_section_" + section.name() + "_intro") : null,
                section.questions().stream().map(this::field).toList())).toList();
    }

    private Field field(QuestionnairePlan.Question question) {
        String name = question.name();
        String help = messages().has("q_" + name + "_help") ? messages().get("q_" + name + "_help") : null;
        if (name.equals("heatedArea")) {
            help = help + " " + getAreaSource();
        }
        boolean choice = question.input() == QuestionnairePlan.Input.CHOICE;
        List<Form.Option> options = choice ? form.options(name, question.choices(), value -> messages().get(
                "q_" + name + "_" + (value.isEmpty() ? "none" : value))) : List.of();
        return new Field(name, messages().get("q_" + name), help, form.value(name), form.getErrors().get(name), choice, options);
    }
}
