package dev.hipflex.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hipflex.catalog.service.ContentBundleReader;

/** The shipped content meets every service dependency; a change is blamed only for what it breaks itself. */
class ServiceDependenciesTest {

    private static final CatalogContent BUNDLE = ContentBundleReader.read();

    @Test
    void theShippedBundleGivesTheServicesEverythingTheyNeed() {
        assertThat(ServiceDependencies.unmet(BUNDLE)).isEmpty();
    }

    @Test
    void aChangeIsBlamedOnlyForWhatItBreaks() {
        CatalogContent withoutBreaks = BUNDLE.without(ContentKind.PROTOCOL, "movement-breaks");
        CatalogContent withoutBreaksOrFlag = withoutBreaks.without(ContentKind.RED_FLAG, "pain-changes-how-you-walk");

        assertThat(ServiceDependencies.brokenBy(withoutBreaks, withoutBreaksOrFlag))
                .extracting(b -> b.dependency().item() + " " + b.problem())
                .containsExactly("red-flags/pain-changes-how-you-walk is missing");
        assertThat(ServiceDependencies.unmet(withoutBreaksOrFlag)).hasSize(2);
    }
}
