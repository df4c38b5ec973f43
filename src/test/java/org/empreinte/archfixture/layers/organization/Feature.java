package org.empreinte.archfixture.layers.organization;

import org.empreinte.archfixture.layers.overview.Overview;

/** A feature using the overview above it. */
public class Feature {
    Overview overview;
}
