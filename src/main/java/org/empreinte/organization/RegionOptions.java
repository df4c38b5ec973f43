package org.empreinte.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.empreinte.calculation.Regions;
import org.empreinte.web.Form;

/**
 * The region choices of the pages: Canada's provinces and territories by name, the countries
 * the network's members most often deal with, and the value already typed if it is another.
 */
public final class RegionOptions {

    private RegionOptions() {
    }

    public static List<Form.Option> of(Form form, String field, Locale locale) {
        String current = form.value(field);
        if (current == null || current.isEmpty()) {
            current = "CA-QC";
        }
        List<Form.Option> options = new ArrayList<>();
        boolean found = false;
        for (Regions.Region region : Regions.canadian()) {
            boolean selected = region.code().equals(current);
            found |= selected;
            options.add(new Form.Option(region.code(), region.name(locale) + " (" + region.code() + ")", selected));
        }
        for (String country : List.of("FR", "BE", "CH", "US")) {
            boolean selected = country.equals(current);
            found |= selected;
            options.add(new Form.Option(country, Regions.name(country, locale) + " (" + country + ")", selected));
        }
        if (!found) {
            options.add(new Form.Option(current, Regions.name(current, locale) + " (" + current + ")", true));
        }
        return options;
    }
}
