package io.inkstream.dispatcher.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.inkstream.dispatcher.config.InkstreamConfig;
import io.inkstream.dispatcher.crypto.SecretCipher;
import io.inkstream.dispatcher.crypto.WebhookSignature;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads tenants' signing secrets (decrypted, newest first) and creates the first one on first use. Creation is
 * race-free across replicas: INSERT ... ON CONFLICT on the one-primary-per-tenant index, then read back.
 */
@ApplicationScoped
public class SecretStore {

    /** A decrypted secret. */
    public record ActiveSecret(String secret, OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean primary) {
    }

    private static final String ACTIVE = """
            SELECT key_id, secret_enc, created_at, expires_at, is_primary FROM dispatcher.tenant_secrets
             WHERE tenant_id = $1 AND (expires_at IS NULL OR expires_at > now())
             ORDER BY is_primary DESC, created_at DESC
            """;

    private static final String INSERT_FIRST = """
            INSERT INTO dispatcher.tenant_secrets (id, tenant_id, key_id, secret_enc, is_primary, created_at)
            VALUES ($1, $2, $3, $4, TRUE, now())
            ON CONFLICT (tenant_id) WHERE is_primary DO NOTHING
            """;

    @Inject
    Pool pool;

    @Inject
    SecretCipher cipher;

    @Inject
    InkstreamConfig config;

    /** The tenant's active secrets, primary first; creates the primary one if the tenant has none. */
    public Uni<List<ActiveSecret>> activeSecrets(String tenantId) {
        return read(tenantId).flatMap(found -> found.stream().anyMatch(ActiveSecret::primary)
                ? Uni.createFrom().item(found)
                : createFirst(tenantId).flatMap(ignored -> read(tenantId)));
    }

    private Uni<Void> createFirst(String tenantId) {
        String secret = WebhookSignature.newSecret(config.webhooks().secretBytes());
        Tuple args = Tuple.of(UUID.randomUUID(), tenantId, cipher.primaryKeyId(), cipher.encrypt(secret));
        return pool.preparedQuery(INSERT_FIRST).execute(args).replaceWithVoid();
    }

    private Uni<List<ActiveSecret>> read(String tenantId) {
        return pool.preparedQuery(ACTIVE).execute(Tuple.of(tenantId)).map(rows -> {
            List<ActiveSecret> out = new ArrayList<>(rows.rowCount());
            for (Row r : rows) {
                out.add(new ActiveSecret(cipher.decrypt(r.getString("key_id"), r.getString("secret_enc")),
                        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("expires_at"),
                        r.getBoolean("is_primary")));
            }
            return out;
        });
    }
}
