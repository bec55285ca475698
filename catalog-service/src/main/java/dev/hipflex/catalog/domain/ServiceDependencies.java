package dev.hipflex.catalog.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.hipflex.catalog.domain.Content.PhaseItem;
import dev.hipflex.catalog.domain.Content.Protocol;
import dev.hipflex.catalog.domain.Content.ProtocolPhase;

/**
 * What triage-service and tracking-service need from the catalog, in one place, each with the reason. Editors'
 * changes and content bundles that would take one of these away are refused: the services keep deciding with their
 * last good snapshot when a new one lacks them, so such a change would never reach anyone anyway.
 *
 * <p>Protocols are listed by slug, with the phases a service names and whether it reads the schedule. Exercises are
 * required because a required protocol's phase names them (as an item or an alternative): the services prescribe
 * them from there. Red flags are required because triage's red-flag rules send people to their advice.
 */
public final class ServiceDependencies {

    public static final String TRIAGE = "triage-service";
    public static final String TRACKING = "tracking-service";

    /** One thing a service needs: the item, and why. */
    public record Dependency(String service, ContentKind kind, String slug, String reason) {

        /** The item as the API names it, e.g. "protocols/complete-release-protocol". */
        public String item() {
            return kind.path() + "/" + slug;
        }
    }

    /** A dependency that content does not meet, and what is wrong with it. */
    public record Broken(Dependency dependency, String problem) {

        @Override
        public String toString() {
            return dependency.item() + " " + problem + ": " + dependency.service() + " " + dependency.reason();
        }
    }

    /** A protocol a service builds on, the phases it names (by slug) and whether it reads the schedule. */
    private record NeededProtocol(String service, String slug, List<String> phases, boolean schedule, String reason) {
    }

    private static final List<NeededProtocol> PROTOCOLS = List.of(
            new NeededProtocol(TRIAGE, "complete-release-protocol", List.of(), false,
                    "builds every self-care plan from this protocol's phases"),
            new NeededProtocol(TRACKING, "complete-release-protocol", List.of("release", "stretch", "strengthen"), true,
                    "measures adherence against this protocol's schedule, and sessions name its phases release, "
                            + "stretch and strengthen"),
            new NeededProtocol(TRIAGE, "runners-warm-up", List.of("post-run-stretch"), false,
                    "gives runners this warm-up's stages and its post-run stretch"),
            new NeededProtocol(TRIAGE, "movement-breaks", List.of(), false,
                    "gives people who sit a lot these movement breaks"));

    private static final List<Dependency> RED_FLAGS = List.of(
            redFlag("numbness-tingling-or-radiating-pain", "RF-NEURO"),
            redFlag("pain-changes-how-you-walk", "RF-GAIT"),
            redFlag("clicking-catching-or-locking", "RF-MECHANICAL"),
            redFlag("sudden-pain-during-exercise", "RF-SUDDEN-ONSET"),
            redFlag("hip-surgery-or-structural-problem", "RF-HIP-SURGERY"));

    private ServiceDependencies() {
    }

    private static Dependency redFlag(String slug, String rule) {
        return new Dependency(TRIAGE, ContentKind.RED_FLAG, slug,
                "links rule " + rule + " to this red flag's advice on what to do");
    }

    /** Every dependency that {@code content} leaves unmet; empty when the services have all they need. */
    public static List<Broken> unmet(CatalogContent content) {
        List<Broken> broken = new ArrayList<>();
        for (NeededProtocol needed : PROTOCOLS) {
            Dependency dependency = new Dependency(needed.service(), ContentKind.PROTOCOL, needed.slug(), needed.reason());
            Optional<Protocol> protocol = content.protocols().stream().filter(p -> p.slug().equals(needed.slug())).findFirst();
            if (protocol.isEmpty()) {
                broken.add(new Broken(dependency, "is missing"));
                continue;
            }
            Set<String> phases = phaseSlugs(protocol.get());
            for (String phase : needed.phases()) {
                if (!phases.contains(phase)) {
                    broken.add(new Broken(dependency, "has no phase '" + phase + "'"));
                }
            }
            if (needed.schedule() && protocol.get().schedule() == null) {
                broken.add(new Broken(dependency, "has no schedule"));
            }
            broken.addAll(namedExercises(content, needed, protocol.get()));
        }
        for (Dependency dependency : RED_FLAGS) {
            if (content.redFlags().stream().noneMatch(f -> f.slug().equals(dependency.slug()))) {
                broken.add(new Broken(dependency, "is missing"));
            }
        }
        return broken;
    }

    /** What {@code after} leaves unmet that {@code before} met: what a change from one to the other breaks. */
    public static List<Broken> brokenBy(CatalogContent before, CatalogContent after) {
        List<Broken> already = unmet(before);
        return unmet(after).stream().filter(b -> !already.contains(b)).toList();
    }

    private static List<Broken> namedExercises(CatalogContent content, NeededProtocol needed, Protocol protocol) {
        List<Broken> broken = new ArrayList<>();
        for (ProtocolPhase phase : orEmpty(protocol.phases())) {
            Set<String> named = new LinkedHashSet<>();
            for (PhaseItem item : orEmpty(phase.items())) {
                if (item.exercise() != null) {
                    named.add(item.exercise());
                }
                named.addAll(orEmpty(item.alternatives()));
            }
            for (String exercise : named) {
                if (content.exercise(exercise).isEmpty()) {
                    broken.add(new Broken(new Dependency(needed.service(), ContentKind.EXERCISE, exercise,
                            "prescribes it in phase '" + phase.slug() + "' of protocols/" + protocol.slug()),
                            "is missing"));
                }
            }
        }
        return broken;
    }

    private static Set<String> phaseSlugs(Protocol protocol) {
        Set<String> slugs = new LinkedHashSet<>();
        orEmpty(protocol.phases()).forEach(phase -> slugs.add(phase.slug()));
        return slugs;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
