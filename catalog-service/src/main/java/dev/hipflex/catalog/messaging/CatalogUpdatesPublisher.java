package dev.hipflex.catalog.messaging;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.hipflex.catalog.service.ContentChange;
import dev.hipflex.common.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Tells other services that catalog content changed, keyed by slug so that one item's changes stay in order. */
@ApplicationScoped
public class CatalogUpdatesPublisher {

    public static final String SOURCE = "/hipflex/catalog-service";
    public static final String SCHEMA = "https://hipflex.dev/schemas/catalog-updates/v1";

    private final MutinyEmitter<CloudEvent<CatalogUpdate>> emitter;

    public CatalogUpdatesPublisher(@Channel("catalog-updates") MutinyEmitter<CloudEvent<CatalogUpdate>> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(ContentChange change) {
        String action = change.action().name().toLowerCase(Locale.ROOT);
        CatalogUpdate update = new CatalogUpdate(change.kind().path(), change.slug(), action,
                change.previousVersion(), change.version());
        CloudEvent<CatalogUpdate> event = CloudEvent.of(SOURCE,
                "dev.hipflex.catalog." + change.kind().path() + "." + action, change.slug(), SCHEMA, update);
        return emitter.sendMessage(Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(change.slug()).build()));
    }
}
