package org.empreinte.archfixture.layers.calculation;

import jakarta.ws.rs.core.Response;

/** The core using a framework. */
public class UsesFramework {
    Response response;
}
