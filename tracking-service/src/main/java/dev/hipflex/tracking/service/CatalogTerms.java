package dev.hipflex.tracking.service;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.hipflex.tracking.domain.RecoveryStage;
import dev.hipflex.tracking.domain.Schedule;
import io.smallrye.mutiny.Uni;

/**
 * What tracking measures against, taken from the catalog and never from constants: the protocol's
 * schedule, the recovery timeline's stages, and the exercise slugs a session may name. Fetched once,
 * retried while the catalog is away.
 */
@ApplicationScoped
public class CatalogTerms {

    /** The protocol plans follow (the catalog's complete release protocol). */
    public static final String PROTOCOL = "complete-release-protocol";

    public record Terms(Schedule schedule, List<RecoveryStage> stages, Set<String> exercises) {
    }

    private static final Logger LOG = Logger.getLogger(CatalogTerms.class);

    private final CatalogClient catalog;
    private volatile Terms terms;

    public CatalogTerms(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    public Uni<Terms> get() {
        Terms known = terms;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Uni.combine().all().unis(catalog.protocol(PROTOCOL), catalog.recoveryTimeline(), exercises(0, new HashSet<>()))
                .with((protocol, timeline, exercises) -> {
                    CatalogClient.Schedule s = protocol.schedule();
                    Schedule schedule = new Schedule(s.dailyForWeeks(), s.thenSessionsPerWeek().min(),
                            s.thenSessionsPerWeek().max(), s.totalWeeks());
                    List<RecoveryStage> stages = timeline.stages().stream().map(st -> new RecoveryStage(st.slug(),
                            st.order(), st.title(), st.fromDay(), st.toDay(), st.summary(), st.whatToExpect())).toList();
                    return new Terms(schedule, stages, Set.copyOf(exercises));
                })
                .invoke(loaded -> terms = loaded)
                .onFailure().invoke(e -> LOG.warnf("Catalog not reachable yet, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }

    private Uni<Set<String>> exercises(int offset, Set<String> sofar) {
        return catalog.exercises(100, offset).chain(page -> {
            page.items().forEach(e -> sofar.add(e.slug()));
            return page.nextOffset() == null ? Uni.createFrom().item(sofar) : exercises(page.nextOffset(), sofar);
        });
    }
}
