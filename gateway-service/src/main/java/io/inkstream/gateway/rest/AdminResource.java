package io.inkstream.gateway.rest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inkstream.gateway.entity.ApiKeyEntity;
import io.inkstream.gateway.entity.TenantEntity;
import io.inkstream.gateway.service.Plan;
import io.inkstream.gateway.service.RequestValidator;
import io.inkstream.gateway.service.TenantAdmin;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin API for tenants and API keys, behind the admin credential. Keys are shown once, at creation. */
@Path("/admin/v1/tenants")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    static final Duration MAX_OVERLAP = Duration.ofDays(30);

    private final TenantAdmin admin;
    private final ObjectMapper mapper;

    AdminResource(TenantAdmin admin, ObjectMapper mapper) {
        this.admin = admin;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tenant {id?, name, plan}")
    public Uni<Response> createTenant(JsonNode body) {
        JsonNode b = body == null ? mapper.createObjectNode() : body;
        String id = b.hasNonNull("id") ? b.get("id").asText() : "tnt_" + UUID.randomUUID().toString().replace("-", "");
        if (!id.matches("[A-Za-z0-9_\\-]{1,64}")) {
            throw RequestValidator.invalid("id", "tenant ids are 1-64 letters, digits, '_' or '-'");
        }
        String name = b.path("name").asText(id);
        Plan plan = plan(b.path("plan").asText("free"));
        return admin.createTenant(id, name, plan).map(t -> Response.created(URI.create("/admin/v1/tenants/" + t.id))
                .entity(tenant(t)).build());
    }

    @GET
    @Operation(summary = "List tenants")
    public Uni<ObjectNode> tenants() {
        return admin.tenants().map(list -> {
            ObjectNode out = mapper.createObjectNode();
            ArrayNode arr = out.putArray("tenants");
            list.forEach(t -> arr.add(tenant(t)));
            return out;
        });
    }

    @POST
    @Path("/{tenantId}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key {mode: live|test}; the key is shown only in this answer")
    public Uni<Response> issue(@RestPath String tenantId, JsonNode body) {
        String mode = body == null ? "live" : body.path("mode").asText("live");
        if (!List.of("live", "test").contains(mode)) {
            throw RequestValidator.invalid("mode", "mode is live or test");
        }
        return admin.issueKey(tenantId, "test".equals(mode)).map(k -> Response.status(201)
                .entity(key(k.key()).put("key", k.plaintext())).build());
    }

    @GET
    @Path("/{tenantId}/keys")
    @Operation(summary = "List a tenant's keys (never their secrets)")
    public Uni<ObjectNode> keys(@RestPath String tenantId) {
        return admin.keys(tenantId).map(list -> {
            ObjectNode out = mapper.createObjectNode();
            ArrayNode arr = out.putArray("keys");
            list.forEach(k -> arr.add(key(k)));
            return out;
        });
    }

    @POST
    @Path("/{tenantId}/keys/{keyId}/rotate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue a replacement key; the old one keeps working for overlap_seconds (default 1 day)")
    public Uni<Response> rotate(@RestPath String tenantId, @RestPath String keyId, JsonNode body) {
        Duration overlap = body != null && body.has("overlap_seconds")
                ? Duration.ofSeconds(body.get("overlap_seconds").asLong(-1)) : DEFAULT_OVERLAP;
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw RequestValidator.invalid("overlap_seconds", "overlap_seconds is between 0 and 30 days");
        }
        return admin.rotate(tenantId, uuid(keyId), overlap).map(k -> Response.status(201)
                .entity(key(k.key()).put("key", k.plaintext())).build());
    }

    @DELETE
    @Path("/{tenantId}/keys/{keyId}")
    @Operation(summary = "Revoke a key; every replica refuses it within the auth cache TTL (4 s)")
    public Uni<Response> revoke(@RestPath String tenantId, @RestPath String keyId) {
        return admin.revoke(tenantId, uuid(keyId)).map(x -> Response.noContent().build());
    }

    private ObjectNode tenant(TenantEntity t) {
        return mapper.createObjectNode().put("id", t.id).put("name", t.name).put("plan", t.plan)
                .put("created_at", t.createdAt.toString());
    }

    private ObjectNode key(ApiKeyEntity k) {
        ObjectNode n = mapper.createObjectNode().put("key_id", k.id.toString()).put("tenant_id", k.tenantId)
                .put("prefix", k.prefix).put("mode", k.test ? "test" : "live")
                .put("created_at", k.createdAt.toString());
        n.put("expires_at", k.expiresAt == null ? null : k.expiresAt.toString());
        n.put("revoked_at", k.revokedAt == null ? null : k.revokedAt.toString());
        n.put("last_used_at", k.lastUsedAt == null ? null : k.lastUsedAt.toString());
        return n;
    }

    private static Plan plan(String name) {
        try {
            return Plan.of(name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(io.inkstream.contracts.ErrorCode.INVALID_REQUEST,
                    "plan is free, starter, professional or enterprise", Map.of("field", "plan"));
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(io.inkstream.contracts.ErrorCode.NOT_FOUND, "no such key");
        }
    }
}
