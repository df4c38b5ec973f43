package org.empreinte.organization;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A place an organization operates from; its region decides which grid and fuel factors apply. */
public record Site(long id, @JsonIgnore long organizationId, String name, String region) {
}
