package org.empreinte.network;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A network's reporting campaign: which year its members submit, by when. Once closed, the network's aggregate
 * for the year is what it was at closing ({@code closedAt}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Campaign(long networkId, int year, String dueDate, String openedAt, String remindedAt, String closedAt) {

    public boolean closed() {
        return closedAt != null;
    }
}
