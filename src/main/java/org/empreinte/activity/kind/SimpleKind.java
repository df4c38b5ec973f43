package org.empreinte.activity.kind;

/**
 * A quantity priced by the factors of its own type, with no attribute: a bill of electricity or of a fuel,
 * a taxi ride, and any type a factor file brings that no class describes (offered through the API only).
 */
public record SimpleKind(String type, Group group) implements ActivityKind {
}
