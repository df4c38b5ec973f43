package org.empreinte.footprint;

import java.text.NumberFormat;

import org.empreinte.calculation.Headline;
import org.empreinte.web.Messages;

/** How pages write an amount of emissions: in t from one tonne, in kg below, so that a first bill never reads "0 t". */
public final class FootprintAmount {

    private FootprintAmount() {
    }

    public static String of(double kg, Messages messages) {
        Headline.Amount amount = Headline.of(kg);
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        format.setMaximumFractionDigits(amount.decimals());
        format.setMinimumFractionDigits("t".equals(amount.unit()) ? amount.decimals() : 0);
        return messages.format("t".equals(amount.unit()) ? "footprint_tonnes" : "footprint_kg", format.format(amount.value()));
    }
}
