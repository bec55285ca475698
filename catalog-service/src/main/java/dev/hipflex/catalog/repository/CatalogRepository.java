package dev.hipflex.catalog.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** The bundled items editors deleted, as "KIND/slug" (the kind's enum name). */
    public Uni<Set<String>> editorDeletions() {
        return EditorDeletionEntity.<EditorDeletionEntity>listAll()
                .map(rows -> rows.stream().map(row -> row.kind + "/" + row.slug).collect(Collectors.toSet()));
    }

    /** Records that an editor deleted a bundled item. */
    public Uni<Void> recordEditorDeletion(String kind, String slug, OffsetDateTime at) {
        EditorDeletionEntity deletion = new EditorDeletionEntity();
        deletion.kind = kind;
        deletion.slug = slug;
        deletion.deletedAt = at;
        return forgetEditorDeletion(kind, slug).chain(() -> deletion.persist()).replaceWithVoid();
    }

    /** Forgets an editor's deletion, when an editor creates the item again. */
    public Uni<Void> forgetEditorDeletion(String kind, String slug) {
        return EditorDeletionEntity.delete("kind = ?1 and slug = ?2", kind, slug).replaceWithVoid();
    }

    public Uni<ContentVersionEntity> latestVersion() {
        return ContentVersionEntity.<ContentVersionEntity>find("order by id desc").firstResult();
    }
}
