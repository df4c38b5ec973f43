package org.empreinte.archfixture.layers.overview;

/** The overview, which a feature must not use. */
public class Overview {
}
