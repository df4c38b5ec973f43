package org.empreinte.archfixture.cycle.b;

import org.empreinte.archfixture.cycle.a.A;

/** The other half: b uses a. */
public class B {
    A a;
}
