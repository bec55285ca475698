package dev.hipflex.catalog.service;

import static dev.hipflex.catalog.domain.ContentKind.GUIDANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.Test;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.domain.Content.Guidance;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.messaging.CatalogUpdates;
import dev.hipflex.catalog.repository.CatalogItemEntity;
import dev.hipflex.catalog.service.ContentChange.Action;
import dev.hipflex.common.outbox.OutboxRelay;
import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.TopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class ContentLoadTest {

    @Inject
    ContentWriter writer;

    @Inject
    dev.hipflex.catalog.repository.CatalogRepository repository;

    @Inject
    CatalogService catalog;

    @Inject
    OutboxRelay relay;

    private static final String EDITED = "bundle-check-edited-by-hand";
    private static final String PLAIN = "bundle-check-left-alone";
    private static final String DELETED = "bundle-check-deleted-by-hand";

    @Test
    void loadingTheSameBundleAgainChangesNothing() throws Throwable {
        CatalogContent bundle = ContentBundleReader.read();
        String bundleHash = ContentCodec.version(bundle);
        long rowsBefore = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.allItems()).map(rows -> (long) rows.size()));
        ContentChange again = VertxContextSupport.subscribeAndAwait(() -> writer.loadBundle(bundle, bundleHash)).change();
        assertThat(again.action()).isEqualTo(Action.UNCHANGED);
        long rowsAfter = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.allItems()).map(rows -> (long) rows.size()));
        assertThat(rowsAfter).isEqualTo(rowsBefore).isEqualTo(bundle.entries().size());
    }

    /**
     * A release that changes an item an editor changed keeps the editor's version, leaves an item an editor deleted
     * deleted, and says so; what it changes otherwise is stored and announced on the real broker. The test restores
     * the shipped bundle afterwards.
     */
    @Test
    void aNewBundleKeepsEditorsChangesAndAnnouncesWhatItChanges() throws Throwable {
        CatalogContent shipped = ContentBundleReader.read();
        Guidance template = shipped.guidance().get(0);
        try (TopicReader updates = new TopicReader(CatalogUpdates.TOPIC)) {
            load(shipped.with(GUIDANCE, EDITED, guidance(template, EDITED, "First release"))
                    .with(GUIDANCE, DELETED, guidance(template, DELETED, "First release"))
                    .with(GUIDANCE, PLAIN, guidance(template, PLAIN, "First release")), "bundle-check-first");
            VertxContextSupport.subscribeAndAwait(
                    () -> catalog.replace(GUIDANCE, EDITED, guidance(template, EDITED, "Worded by an editor")));
            VertxContextSupport.subscribeAndAwait(() -> catalog.delete(GUIDANCE, DELETED));

            ContentWriter.BundleLoad second = load(shipped.with(GUIDANCE, EDITED, guidance(template, EDITED, "Second release"))
                    .with(GUIDANCE, DELETED, guidance(template, DELETED, "Second release"))
                    .with(GUIDANCE, PLAIN, guidance(template, PLAIN, "Second release")), "bundle-check-second");

            assertThat(second.notApplied()).containsExactlyInAnyOrder("guidance/" + EDITED, "guidance/" + DELETED);
            assertThat(second.change().content().find(GUIDANCE, DELETED)).isEmpty();
            assertThat(title(second.change().content(), EDITED)).isEqualTo("Worded by an editor");
            assertThat(title(second.change().content(), PLAIN)).isEqualTo("Second release");
            String version = second.change().version();
            List<ConsumerRecord<String, String>> announced = await().atMost(Duration.ofSeconds(30)).until(
                    () -> updates.poll().stream().filter(r -> PLAIN.equals(r.key()) && r.value().contains(version)).toList(),
                    r -> !r.isEmpty());
            EventContracts.assertValid(CatalogUpdates.TOPIC, announced.get(0).key(), announced.get(0).value());
            assertThat(announced.get(0).value()).contains("\"action\":\"updated\"", "\"kind\":\"guidance\"");
            assertThat(updates.poll()).noneMatch(r -> EDITED.equals(r.key()) && r.value().contains(version));
        } finally {
            load(shipped, ContentCodec.version(shipped));
            VertxContextSupport.subscribeAndAwait(() -> catalog.delete(GUIDANCE, EDITED));
        }
    }

    @Test
    void aBundleWithoutWhatTriageNeedsIsRefusedAndChangesNothing() throws Throwable {
        CatalogContent shipped = ContentBundleReader.read();
        String before = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> repository.allItems()).map(ContentCodec::fromRows).map(ContentCodec::version));
        assertThatThrownBy(() -> load(shipped.without(ContentKind.PROTOCOL, "movement-breaks"), "bundle-check-refused"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("protocols/movement-breaks is missing: triage-service");
        String after = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> repository.allItems()).map(ContentCodec::fromRows).map(ContentCodec::version));
        assertThat(after).isEqualTo(before);
    }

    private ContentWriter.BundleLoad load(CatalogContent bundle, String bundleHash) throws Throwable {
        ContentWriter.BundleLoad loaded = VertxContextSupport.subscribeAndAwait(() -> writer.loadBundle(bundle, bundleHash));
        relay.soon();
        return loaded;
    }

    private static Guidance guidance(Guidance template, String slug, String title) {
        return new Guidance(slug, title, template.summary(), template.topic(), template.points(), template.sources());
    }

    private static String title(CatalogContent content, String slug) {
        return content.guidance().stream().filter(g -> g.slug().equals(slug)).findFirst().orElseThrow().title();
    }

    @Test
    void theStoredContentRoundTripsToTheSameVersion() throws Throwable {
        CatalogContent bundle = ContentBundleReader.read();
        CatalogContent stored = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> repository.allItems()).map(ContentCodec::fromRows));
        assertThat(ContentCodec.version(stored)).isEqualTo(ContentCodec.version(bundle));
    }
}
