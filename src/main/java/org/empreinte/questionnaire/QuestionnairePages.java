package org.empreinte.questionnaire;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.calculation.Period;
import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationService;
import org.empreinte.web.Allow;
import org.empreinte.web.Form;
import org.empreinte.web.Messages;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/**
 * The simplified yearly assessment ("Bilan simplifié") for an organization that only knows its yearly totals: the
 * questions, their answers stored as estimated activities of the year, and the page that says which to measure first.
 */
@Path("/organizations/{orgId}/questionnaire")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class QuestionnairePages {

    private final QuestionnaireService questionnaires;
    private final OrganizationService organizations;
    private final BuildingEnergy energy;
    private final Clock clock;

    public QuestionnairePages(QuestionnaireService questionnaires, OrganizationService organizations, BuildingEnergy energy,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.organizations = organizations;
        this.energy = energy;
        this.clock = clock;
    }

    /** Write access, as the forms that log activities: a reader could fill it but never send it. */
    @Allow(Permission.ORGANIZATION_WRITE)
    @GET
    public QuestionnairePage form(@PathParam("orgId") long orgId, @QueryParam("year") String year, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Organization organization = organizations.get(orgId);
        // Last year by default: a yearly assessment is made once the financial statements are out.
        Form form = Form.empty().withValue("year", year == null || !year.strip().matches("\\d{4}")
                ? Integer.toString(LocalDate.now(clock).getYear() - 1) : year.strip());
        // Its profile's headcount, when a whole number, as the first answer.
        if (organization.employees() >= 1 && organization.employees() == Math.rint(organization.employees())) {
            form.withValue("employees", Long.toString((long) organization.employees()));
        }
        PageContext context = PageContext.of(uri, headers);
        // Answering a year again starts from that year's answers, which it will replace.
        String chosen = form.value("year");
        int y = Integer.parseInt(chosen);
        if (y >= Period.EARLIEST_YEAR && y <= Period.LATEST_YEAR) {
            EarlierAnswers.of(questionnaires.ofYear(orgId, y), context.language()).forEach(form::withValue);
        }
        return new QuestionnairePage(context, organization, form, energy);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Organization organization = organizations.get(orgId);
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/questionnaire");
        Messages messages = context.messages();
        QuestionnairePage page = new QuestionnairePage(context, organization, form, energy);
        Integer year = year(form, messages);
        QuestionnairePlan.Answers answers = answers(form, context.language(), messages);
        if (year == null || form.getHasErrors()) {
            return Response.status(422).entity(page).build();
        }
        List<QuestionnairePlan.Planned> planned;
        try {
            planned = QuestionnairePlan.plan(year, answers, energy, question -> messages.format("q_note",
                    Integer.toString(year), messages.get("q_" + question)));
        } catch (QuestionnairePlan.Refused refused) {
            form.reject(refused.question(), messages.format("q_refused", messages.get("q_" + refused.question()),
                    messages.get(refused.messageKey())));
            return Response.status(422).entity(page).build();
        }
        if (planned.isEmpty()) {
            form.reject("general", messages.get("q_error_empty"));
            return Response.status(422).entity(page).build();
        }
        try {
            questionnaires.answer(orgId, year, planned);
        } catch (QuestionnaireService.AnswerRefusedException e) {
            ValidationException refusal = e.refusal();
            String reason = refusal.messageKey() != null && messages.has(refusal.messageKey())
                    ? messages.format(refusal.messageKey(), refusal.messageArgs()) : refusal.getMessage();
            form.reject(e.question(), messages.format("q_refused", messages.get("q_" + e.question()), reason));
            return Response.status(422).entity(page).build();
        }
        return Response.seeOther(URI.create("/organizations/" + orgId + "/questionnaire/result?year=" + year + "&saved=1"))
                .build();
    }

    /** What the year's answers weigh: whoever may read the organization may read it. */
    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("result")
    public QuestionnaireResultPage result(@PathParam("orgId") long orgId, @QueryParam("year") String year,
            @QueryParam("saved") String saved, @Context UriInfo uri, @Context HttpHeaders headers) {
        Organization organization = organizations.get(orgId);
        if (year == null || !year.strip().matches("\\d{4}")) {
            throw new ResourceNotFoundException("questionnaire year", 0);
        }
        int y = Integer.parseInt(year.strip());
        return new QuestionnaireResultPage(PageContext.of(uri, headers), organization, y, questionnaires.ofYear(orgId, y),
                saved != null);
    }

    /** Every number read, a refusal beside each question that is not one (or is negative). */
    private static QuestionnairePlan.Answers answers(Form form, String language, Messages messages) {
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> choices = new HashMap<>();
        for (QuestionnairePlan.Section section : QuestionnairePlan.SECTIONS) {
            for (QuestionnairePlan.Question question : section.questions()) {
                String name = question.name();
                if (question.input() == QuestionnairePlan.Input.CHOICE) {
                    String value = form.value(name);
                    if (value != null && !value.isBlank() && !question.choices().contains(value.strip())) {
                        form.reject(name, messages.format("q_refused", messages.get("q_" + name),
                                messages.get("q_error_choice")));
                    }
                    choices.put(name, value);
                    continue;
                }
                try {
                    Double number = form.number(name, language);
                    if (number != null && (number < 0 || !Double.isFinite(number))) {
                        form.reject(name, messages.format("q_refused", messages.get("q_" + name),
                                messages.get("q_error_negative")));
                    }
                    numbers.put(name, number);
                } catch (ValidationException e) {
                    form.reject(name, messages.format("q_refused", messages.get("q_" + name), messages.get("error_number")));
                }
            }
        }
        return new QuestionnairePlan.Answers(numbers, choices);
    }

    private static Integer year(Form form, Messages messages) {
        String text = form.value("year");
        if (text != null && text.strip().matches("\\d{4}")) {
            int year = Integer.parseInt(text.strip());
            if (year >= Period.EARLIEST_YEAR && year <= Period.LATEST_YEAR) {
                return year;
            }
        }
        form.reject("year", messages.get("error_year"));
        return null;
    }
}
