package dev.hipflex.catalog.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.hipflex.catalog.domain.CatalogContent;
import dev.hipflex.catalog.domain.CatalogContent.Entry;
import dev.hipflex.catalog.domain.ContentKind;
import dev.hipflex.catalog.messaging.CatalogUpdates;
import dev.hipflex.catalog.service.ContentBundleReader;
import dev.hipflex.catalog.service.ContentChange;
import dev.hipflex.catalog.service.ContentChange.Action;
import dev.hipflex.catalog.service.ContentCodec;
import dev.hipflex.testsupport.EventContracts;
import dev.hipflex.testsupport.EventJson;

/**
 * The catalog-updates events catalog emits, built by CatalogUpdates from changes of the real bundle, keep the
 * published contract for every kind (editors change most kinds; a content bundle may change any) and every action
 * that is announced.
 */
class EventContractTest {

    private static final String TOPIC = CatalogUpdates.TOPIC;

    private static final CatalogContent BUNDLE = ContentBundleReader.read();

    /** The event for {@code action} on the bundle's first item of {@code kind}, with real content versions. */
    private static String event(ContentKind kind, Action action, boolean firstChangeEver) {
        Entry item = BUNDLE.entries().stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
        CatalogContent after = action == Action.DELETED ? BUNDLE.without(kind, item.slug()) : BUNDLE;
        String before = firstChangeEver ? null : ContentCodec.version(BUNDLE);
        ContentChange change = new ContentChange(kind, item.slug(), action, after, before, ContentCodec.version(after), null);
        return EventJson.write(CatalogUpdates.event(change));
    }

    @Test
    void everyAnnouncedChangeOfEveryKindKeepsTheContract() {
        for (ContentKind kind : ContentKind.values()) {
            for (Action action : List.of(Action.CREATED, Action.UPDATED, Action.DELETED)) {
                String event = event(kind, action, false);
                EventContracts.assertValid(TOPIC, read(event).get("subject").asText(), event);
            }
        }
    }

    @Test
    void theFirstChangeEverHasNoPreviousVersionAndKeepsTheContract() {
        String event = event(ContentKind.EXERCISE, Action.CREATED, true);
        assertThat(read(event).get("data").get("previousVersion").isNull()).isTrue();
        EventContracts.assertValid(TOPIC, event);
    }

    @Test
    void aKindTheCatalogDoesNotHaveIsNotInTheContract() {
        ObjectNode event = read(event(ContentKind.MUSCLE, Action.UPDATED, false));
        ((ObjectNode) event.get("data")).put("kind", "workouts");
        event.put("type", "dev.hipflex.catalog.workouts.updated");
        assertThat(EventContracts.violations(TOPIC, event.toString())).isNotEmpty();
    }

    @Test
    void brokenCatalogUpdatesAreRejected() {
        ObjectNode missing = read(event(ContentKind.EXERCISE, Action.UPDATED, false));
        ((ObjectNode) missing.get("data")).remove("contentVersion");
        assertThat(EventContracts.violations(TOPIC, missing.toString()))
                .anySatisfy(v -> assertThat(v).contains("contentVersion"));

        ObjectNode wrongWord = read(event(ContentKind.EXERCISE, Action.UPDATED, false));
        ((ObjectNode) wrongWord.get("data")).put("action", "UPDATED");
        assertThat(EventContracts.violations(TOPIC, wrongWord.toString()))
                .anySatisfy(v -> assertThat(v).startsWith("$.data.action"));

        ObjectNode extra = read(event(ContentKind.EXERCISE, Action.UPDATED, false));
        ((ObjectNode) extra.get("data")).put("editor", "editor-ana");
        assertThat(EventContracts.violations(TOPIC, extra.toString()))
                .anySatisfy(v -> assertThat(v).contains("editor"));

        String event = event(ContentKind.EXERCISE, Action.DELETED, false);
        assertThat(EventContracts.violations(TOPIC, "not-the-slug", event))
                .anySatisfy(v -> assertThat(v).startsWith("record key"));
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
