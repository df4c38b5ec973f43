package org.empreinte.network;

import java.util.List;

/** A reduction target for the network as a whole: the sum of its sharing members' covered scopes. */
public record NetworkTarget(int baseYear, int targetYear, double reductionPercent, List<Integer> scopes) {
}
