package org.empreinte.archfixture.tiers;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * Breaks the tier rule on purpose (starts the application without {@code @Tiers.Api}), so that TiersTest can
 * show the rule fails. Its name does not end in Test: surefire never runs it, and it never starts anything.
 */
class UntaggedApplicationFixture {

    static DropwizardAppExtension<EmpreinteConfiguration> app() {
        return TestApp.create();
    }

    @Test
    void wouldCallTheApplication() {
    }
}
