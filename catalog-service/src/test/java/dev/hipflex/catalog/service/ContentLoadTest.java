package dev.hipflex.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.repository.CatalogItemEntity;
import dev.hipflex.catalog.service.ContentChange.Action;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class ContentLoadTest {

    @Inject
    ContentWriter writer;

    @Inject
    dev.hipflex.catalog.repository.CatalogRepository repository;

    @Test
    void loadingTheSameBundleAgainChangesNothing() throws Throwable {
        CatalogContent bundle = ContentBundleReader.read();
        String bundleHash = ContentCodec.version(bundle);
        long rowsBefore = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.allItems()).map(rows -> (long) rows.size()));
        ContentChange again = VertxContextSupport.subscribeAndAwait(() -> writer.loadBundle(bundle, bundleHash));
        assertThat(again.action()).isEqualTo(Action.UNCHANGED);
        long rowsAfter = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> repository.allItems()).map(rows -> (long) rows.size()));
        assertThat(rowsAfter).isEqualTo(rowsBefore).isEqualTo(bundle.entries().size());
    }

    @Test
    void theStoredContentRoundTripsToTheSameVersion() throws Throwable {
        CatalogContent bundle = ContentBundleReader.read();
        CatalogContent stored = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> repository.allItems()).map(ContentCodec::fromRows));
        assertThat(ContentCodec.version(stored)).isEqualTo(ContentCodec.version(bundle));
    }
}
