package io.inkstream.dispatcher.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.inkstream.dispatcher.config.InkstreamConfig;
import io.inkstream.dispatcher.crypto.SecretCipher;
import io.inkstream.dispatcher.crypto.WebhookSignature;
import io.inkstream.dispatcher.entity.TenantSecret;
import io.inkstream.dispatcher.repository.SecretStore;
import io.inkstream.dispatcher.repository.TenantSecretRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A tenant's default signing secret: read (created on first use) and rotated with an overlap. */
@ApplicationScoped
public class SecretService {

    /** The plaintext secret and when it was created. */
    public record SecretView(String secret, Instant createdAt) {
    }

    @Inject
    SecretStore store;

    @Inject
    TenantSecretRepository repository;

    @Inject
    SecretCipher cipher;

    @Inject
    InkstreamConfig config;

    /** The tenant's primary secret, created on first use. */
    public Uni<SecretView> current(String tenantId) {
        return store.activeSecrets(tenantId).map(list -> {
            SecretStore.ActiveSecret primary = list.get(0);
            return new SecretView(primary.secret(), primary.createdAt().toInstant());
        });
    }

    /** Makes a new primary secret; the previous primary keeps signing until the configured overlap ends. */
    @WithTransaction
    public Uni<SecretView> rotate(String tenantId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant overlapEnd = now.plus(config.webhooks().secretOverlap());
        // demote first and flush, so the one-primary-per-tenant index never sees two primaries
        return repository.update("primary = false, expiresAt = ?1 where tenantId = ?2 and primary = true",
                overlapEnd, tenantId)
                .flatMap(ignored -> {
                    TenantSecret s = new TenantSecret();
                    s.id = UUID.randomUUID();
                    s.tenantId = tenantId;
                    String plaintext = WebhookSignature.newSecret(config.webhooks().secretBytes());
                    s.keyId = cipher.primaryKeyId();
                    s.secretEnc = cipher.encrypt(plaintext);
                    s.primary = true;
                    s.createdAt = now;
                    return repository.persistAndFlush(s).map(saved -> new SecretView(plaintext, now));
                });
    }
}
