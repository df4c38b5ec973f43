package org.empreinte.organization;

import java.util.List;

/**
 * Computes an organization's activities again when what their results depend on changes: the
 * organization's or a site's region, or the choice to count flights' radiative forcing. The activity
 * feature answers: it builds on this package, so this package asks through this interface instead of
 * importing it, and the dependency stays one way (activity to organization).
 */
@FunctionalInterface
public interface ActivityRecompute {

    /** Inside the caller's transaction; returns the activities that found no factor (their results stay as they were). */
    List<String> recompute(long organizationId);
}
