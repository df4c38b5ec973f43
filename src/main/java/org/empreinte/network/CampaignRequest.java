package org.empreinte.network;

/** A campaign to open: the year members report and the date it is due, {@code YYYY-MM-DD}. Text, so that a wrong value is refused naming its field. */
public record CampaignRequest(String year, String dueDate) {
}
