package org.empreinte.footprint;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.DoubleFunction;

import org.empreinte.calculation.EmissionLine;
import org.empreinte.web.Messages;

/**
 * A total's 95 % interval in words, for the report and the organization's page: the bounds, the method, and the
 * sources to improve first with their share of the variance.
 */
public final class UncertaintyText {

    public record Source(String label, String factorId, String share) {
    }

    private final Footprint.Interval interval;
    private final Messages messages;
    private final DoubleFunction<String> amount;

    /**
     * @param amount how the page writes an amount of kg CO2e (in t from one tonne)
     */
    public UncertaintyText(Footprint.Interval interval, Messages messages, DoubleFunction<String> amount) {
        this.interval = interval;
        this.messages = messages;
        this.amount = amount;
    }

    /** Null where there is nothing to say: no footprint, or no interval. */
    public static UncertaintyText of(Footprint footprint, Messages messages, DoubleFunction<String> amount) {
        if (footprint == null || footprint.activityCount() == 0 || footprint.uncertainty() == null) {
            return null;
        }
        return new UncertaintyText(footprint.uncertainty(), messages, amount);
    }

    public String getInterval() {
        return messages.format("uncertainty_interval", amount.apply(interval.lowerCo2eKg()),
                amount.apply(interval.upperCo2eKg()), percent(interval.relative()));
    }

    public String getMethod() {
        if (FootprintUncertainty.MONTE_CARLO.equals(interval.method())) {
            return messages.format("uncertainty_method_monte_carlo", number(interval.draws(), 0), Long.toString(interval.seed()));
        }
        return messages.get("uncertainty_method_approach_1");
    }

    public List<Source> getSources() {
        List<String> names = names(interval.sources(), messages);
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Footprint.UncertaintySource s = interval.sources().get(i);
            sources.add(new Source(names.get(i), s.factorId(), messages.format("uncertainty_share",
                    s.shareOfVariance() < 0.01 ? "< 1" : number(Math.round(s.shareOfVariance() * 100), 0))));
        }
        return sources;
    }

    /**
     * The sources' names in the reader's language, never two alike: each factor's label (natural gas burned, and its
     * upstream, are two factors of one activity type); a factor that has left the library by its activity type and
     * line; and where two names still coincide (two editions' factors labelled alike), each followed by its factor id.
     */
    static List<String> names(List<Footprint.UncertaintySource> sources, Messages messages) {
        List<String> names = new ArrayList<>();
        for (Footprint.UncertaintySource s : sources) {
            String label = s.labels() == null ? null : s.labels().getOrDefault(messages.language(), s.labels().get("en"));
            if (label == null) {
                label = messages.labelOr("type_", s.type());
                if (s.line() != null && !EmissionLine.DIRECT.equals(s.line())) {
                    label += " — " + messages.labelOr("line_", s.line());
                }
            }
            names.add(label);
        }
        Map<String, Long> counts = names.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        for (int i = 0; i < names.size(); i++) {
            if (counts.get(names.get(i)) > 1) {
                names.set(i, names.get(i) + " (" + sources.get(i).factorId() + ")");
            }
        }
        return names;
    }

    public boolean getHasSources() {
        return !interval.sources().isEmpty();
    }

    /** "4.7" below 10 %, "23" above: the interval is itself an estimate. */
    private String percent(double relative) {
        double value = relative * 100;
        return number(value, value < 10 ? 1 : 0);
    }

    private String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }
}
