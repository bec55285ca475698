package dev.hipflex.catalog.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads and writes the stored catalog. Callers hold the transaction. */
@ApplicationScoped
public class CatalogRepository {

    /** Serialises content writers across service instances until the transaction ends. */
    private static final long CONTENT_LOCK = 0x6869_7066_6c65_7801L;

    public Uni<Void> lockContent() {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select pg_advisory_xact_lock(" + CONTENT_LOCK + ")")
                        .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<List<CatalogItemEntity>> allItems() {
        return CatalogItemEntity.<CatalogItemEntity>find("order by kind, slug").list();
    }

    public Uni<ContentVersionEntity> latestVersion() {
        return ContentVersionEntity.<ContentVersionEntity>find("order by id desc").firstResult();
    }
}
