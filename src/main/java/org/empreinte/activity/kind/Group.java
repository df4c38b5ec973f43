package org.empreinte.activity.kind;

/** Where a kind sits in the form's list of types, as a person sorts their papers; NONE is offered through the API only. */
public enum Group {
    ENERGY("group_energy"),
    TRAVEL("group_travel"),
    PURCHASES("group_purchases"),
    WASTE("group_waste"),
    NONE(null);

    private final String messageKey;

    Group(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
