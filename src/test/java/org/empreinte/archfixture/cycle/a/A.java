package org.empreinte.archfixture.cycle.a;

import org.empreinte.archfixture.cycle.b.B;

/** Half of a package cycle: a uses b. */
public class A {
    B b;
}
