package org.empreinte.archfixture.layers.web;

import org.empreinte.archfixture.layers.organization.Feature;

/** A shared layer using a feature. */
public class Shared {
    Feature feature;
}
