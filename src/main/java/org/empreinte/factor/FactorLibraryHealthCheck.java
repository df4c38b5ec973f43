package org.empreinte.factor;

import com.codahale.metrics.health.HealthCheck;

/** Healthy when the library holds factors for every configured set. */
public class FactorLibraryHealthCheck extends HealthCheck {

    private final FactorLibrary library;

    public FactorLibraryHealthCheck(FactorLibrary library) {
        this.library = library;
    }

    @Override
    protected Result check() {
        if (library.selector().sets().isEmpty() || library.factorCount() == 0) {
            return Result.unhealthy("no emission factor is loaded");
        }
        return Result.healthy("%d factor sets, %d factors", library.sets().size(), library.factorCount());
    }
}
