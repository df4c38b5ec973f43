package org.empreinte.inventory;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** An organization's years: read, submit, reopen. Reviewing is a coordinator's, under the network's routes. */
@Path("/api/organizations/{orgId}/inventories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InventoryResource {

    private final InventoryService inventories;

    public InventoryResource(InventoryService inventories) {
        this.inventories = inventories;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("/{year}")
    public Inventory year(@PathParam("orgId") long orgId, @PathParam("year") int year) {
        return inventories.year(orgId, year);
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("/{year}/versions/{version}")
    public InventoryVersion version(@PathParam("orgId") long orgId, @PathParam("year") int year,
            @PathParam("version") int version) {
        return inventories.version(orgId, year, version);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("/{year}/submit")
    public Inventory submit(@PathParam("orgId") long orgId, @PathParam("year") int year) {
        return inventories.submit(orgId, year);
    }

    /** Body optional: {@code {"comment": "..."}}, why it is reopened. */
    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("/{year}/reopen")
    public Inventory reopen(@PathParam("orgId") long orgId, @PathParam("year") int year, Map<String, String> body) {
        return inventories.reopen(orgId, year, body == null ? null : body.get("comment"));
    }
}
