package org.empreinte.archfixture.layers.calculation;

import org.empreinte.archfixture.layers.web.Shared;

/** The core using another of the application's packages. */
public class UsesWeb {
    Shared shared;
}
