package org.empreinte.questionnaire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.empreinte.activity.Activity;
import org.empreinte.activity.ActivityRequest;
import org.empreinte.activity.ActivityService;
import org.empreinte.activity.EntriesRefusedException;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.web.Paging;
import org.empreinte.web.ValidationException;

/**
 * Stores a year's answers: the activities the questionnaire logged earlier for that year (its tag, and only those)
 * are removed and the new ones logged, in one unit of work, so a refused answer leaves the year as it was and a
 * second answer never doubles the first.
 */
public class QuestionnaireService {

    static final String ENTITY = "questionnaire";
    static final String ANSWER = "answer";
    private static final String ESTIMATED = "estimated";

    private final ActivityService activities;
    private final UnitOfWork units;

    public QuestionnaireService(ActivityService activities, UnitOfWork units) {
        this.activities = activities;
        this.units = units;
    }

    /** An answer the activity rules refused, with the question it came from. */
    public static final class AnswerRefusedException extends RuntimeException {

        private final String question;
        private final ValidationException refusal;

        AnswerRefusedException(String question, ValidationException refusal) {
            super(question + ": " + refusal.getMessage(), refusal);
            this.question = question;
            this.refusal = refusal;
        }

        public String question() {
            return question;
        }

        public ValidationException refusal() {
            return refusal;
        }
    }

    /**
     * Replaces the year's questionnaire activities with those planned.
     *
     * @throws AnswerRefusedException naming the first question whose activity was refused; nothing is stored then
     */
    public List<Activity> answer(long organizationId, int year, List<QuestionnairePlan.Planned> planned) {
        return units.write(organizationId, changes -> {
            List<Activity> earlier = ofYear(organizationId, year);
            // Units nest: these deletions and creations join this transaction, and leave with it on a refusal.
            earlier.forEach(activity -> activities.delete(organizationId, activity.id()));
            List<Activity> created = List.of();
            if (!planned.isEmpty()) {
                try {
                    created = activities.createAll(organizationId, planned.stream().map(QuestionnaireService::request).toList());
                } catch (EntriesRefusedException e) {
                    Map.Entry<Integer, ValidationException> first = e.byIndex().entrySet().iterator().next();
                    throw new AnswerRefusedException(planned.get(first.getKey()).question(), first.getValue());
                }
            }
            Map<String, Object> before = Map.of("year", Integer.toString(year), "activities", earlier.size());
            Map<String, Object> after = Map.of("year", Integer.toString(year), "activities", created.size());
            changes.record(ENTITY, null, ANSWER, before, after);
            return created;
        });
    }

    /** The activities the questionnaire logged for a year and still estimated, the heaviest first. */
    public List<Activity> ofYear(long organizationId, int year) {
        List<Activity> found = new ArrayList<>();
        Paging paging = Paging.first(Paging.MAX_LIMIT);
        while (true) {
            Paging.Slice<Activity> slice = activities.page(organizationId, year + "-01-01", year + "-12-31", null,
                    QuestionnairePlan.tag(year), paging, false);
            // One corrected with a measured value keeps the tag but is no longer the questionnaire's to replace.
            slice.items().stream().filter(a -> ESTIMATED.equals(a.dataQuality())).forEach(found::add);
            if (slice.next() == null) {
                break;
            }
            paging = Paging.of(Integer.toString(Paging.MAX_LIMIT), slice.next(), 2);
        }
        found.sort(Comparator.comparingDouble(Activity::co2eKg).reversed().thenComparingLong(Activity::id));
        return found;
    }

    @SuppressWarnings("unchecked")
    static ActivityRequest request(QuestionnairePlan.Planned planned) {
        Map<String, Object> r = planned.request();
        return new ActivityRequest((String) r.get("type"), (Double) r.get("quantity"), (String) r.get("unit"),
                (String) r.get("periodStart"), (String) r.get("periodEnd"), null, null, null, (List<String>) r.get("tags"),
                (String) r.get("dataQuality"), new LinkedHashMap<>((Map<String, Object>) r.get("attributes")));
    }
}
