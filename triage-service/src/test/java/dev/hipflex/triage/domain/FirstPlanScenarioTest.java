package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.CatalogFixture.catalog;
import static dev.hipflex.triage.domain.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.hipflex.triage.domain.Recommendation.Choice;
import dev.hipflex.triage.domain.Recommendation.Exclusion;
import dev.hipflex.triage.domain.Recommendation.Item;
import dev.hipflex.triage.domain.Recommendation.LikelyMuscle;
import dev.hipflex.triage.domain.Recommendation.SkipReason;
import dev.hipflex.triage.domain.Recommendation.Skipped;
import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;

/** Held-out scenarios for a first plan that fits the person (PRODUCT.md part two, "A plan that fits the person"). */
class FirstPlanScenarioTest {

    private static Recommendation recommend(ReportBuilder report) {
        return TriageEngine.recommend(report.build(), catalog());
    }

    private static Plan.Phase phase(Recommendation r, String slug) {
        return r.plan().phases().stream().filter(p -> p.phase().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("PF-FOCUS-TFL: outer-hip pain that snaps gets the TFL release, off the bony point, and abduction starting with holds; no leg crossed over")
    void outerHipSnappingTfl() {
        Recommendation r = recommend(report().locations(PainLocation.OUTER_HIP)
                .qualities(PainQuality.SNAPPING, PainQuality.TIGHTNESS).intensity(4));

        assertThat(r.likelyMuscles().get(0).muscle()).isEqualTo("tensor-fasciae-latae");
        Item release = phase(r, "release").items().stream().filter(i -> "tfl-foam-roll".equals(i.exercise()))
                .findFirst().orElseThrow();
        assertThat(release.instruction()).contains("never roll over the bony point");
        Item abduction = phase(r, "strengthen").items().stream()
                .filter(i -> "side-lying-hip-abduction".equals(i.exercise())).findFirst().orElseThrow();
        assertThat(abduction.choice()).isEqualTo(Choice.CATALOG);
        assertThat(abduction.instruction()).startsWith("Begin with the still holds").contains("never let the top leg cross");
        // The holds come with the catalog's own dose for them: 10 to 30 s, 5 times a side, no sets.
        assertThat(abduction.dose()).isEqualTo(catalog().exercise("side-lying-hip-abduction").orElseThrow()
                .isometricHold().asDose());
        assertThat(abduction.dose().holdSeconds()).isEqualTo(new CatalogSnapshot.Range(10, 30));
        assertThat(abduction.dose().reps()).isEqualTo(new CatalogSnapshot.Range(5, 5));
        assertThat(abduction.dose().sets()).isNull();
        assertThat(r.excluded()).filteredOn(e -> e.condition().equals("outer-hip-pain"))
                .extracting(Exclusion::exercise).containsExactly("pigeon-hip-flexor-focus", "shin-boxes");
    }

    @Test
    @DisplayName("PF-FOCUS-OUTER-HIP: outer-hip and groin pain after sitting puts the psoas major first, and the plan "
            + "still gets the abduction holds and the TFL release (TFL or outer hip)")
    void outerHipPainAddsItsFocusToThePsoas() {
        Recommendation r = recommend(report().locations(PainLocation.OUTER_HIP, PainLocation.GROIN)
                .activities(Activity.SITTING).intensity(3));

        assertThat(r.likelyMuscles().get(0).muscle()).isEqualTo("psoas-major");
        Item abduction = phase(r, "strengthen").items().stream()
                .filter(i -> "side-lying-hip-abduction".equals(i.exercise())).findFirst().orElseThrow();
        assertThat(abduction.dose()).isEqualTo(catalog().exercise("side-lying-hip-abduction").orElseThrow()
                .isometricHold().asDose());
        assertThat(phase(r, "release").items()).extracting(Item::exercise).contains("tfl-foam-roll");
        // The psoas focus still holds: its gentle stretch is there.
        assertThat(Contents.planExercises(r)).contains("supine-passive-hip-flexor-stretch");
    }

    @Test
    @DisplayName("PG-LYING-FLAT v2: from 20 weeks of pregnancy the long holds whose catalog starting position is lying "
            + "on the back are left out; the field decides, not the words of the steps")
    void lyingFlatFromTheCatalogsStartingPosition() {
        SymptomReport pregnant = report().pregnancy(SymptomReport.Pregnancy.PREGNANT, 24).build();
        Recommendation r = TriageEngine.recommend(pregnant, catalog());
        assertThat(r.excluded()).filteredOn(e -> e.condition().equals("pregnancy-from-20-weeks"))
                .extracting(Exclusion::exercise)
                .containsExactlyInAnyOrder("supine-passive-hip-flexor-stretch", "double-lacrosse-ball-lumbar-release");

        // The same catalog with the supine stretch said to start lying on the side: no longer left out.
        CatalogSnapshot c = catalog();
        java.util.List<CatalogSnapshot.Exercise> exercises = c.exercises().stream().map(e -> !e.slug()
                .equals("supine-passive-hip-flexor-stretch") ? e : new CatalogSnapshot.Exercise(e.slug(), e.title(),
                        e.category(), e.targetMuscles(), e.supportingMuscles(), "lying-on-side", e.dose(),
                        e.contraindications(), e.progressions(), e.regressions(), e.acuteSafe(), e.sources(),
                        e.isometricHold())).toList();
        CatalogSnapshot moved = new CatalogSnapshot(c.version(), exercises, c.protocols(), c.redFlags(),
                c.rootCauseChecklist(), c.muscles());
        assertThat(TriageEngine.recommend(pregnant, moved).excluded())
                .filteredOn(e -> e.condition().equals("pregnancy-from-20-weeks")).extracting(Exclusion::exercise)
                .containsExactly("double-lacrosse-ball-lumbar-release");
    }

    @Test
    @DisplayName("the same outer-hip pain without snapping and with sitting pointing to the iliopsoas gets no abduction focus")
    void noTflFocusWithoutTflOnTop() {
        Recommendation r = recommend(report().locations(PainLocation.GROIN).activities(Activity.SITTING));
        assertThat(r.likelyMuscles().get(0).muscle()).isEqualTo("psoas-major");
        assertThat(Contents.planExercises(r)).doesNotContain("side-lying-hip-abduction");
    }

    @Test
    @DisplayName("CA-ACUTE v2: pain that began 2 days ago at 6/10 gets gentle mode and no couch stretch")
    void recentPainNoCouchStretch() {
        Recommendation r = recommend(report().daysSinceOnset(2).intensity(6).qualities(PainQuality.DULL_ACHE));

        assertThat(Contents.ruleIdsInReasons(r)).contains("CA-ACUTE");
        assertThat(r.level()).isEqualTo(Level.SELF_CARE_WITH_CAUTION);
        assertThat(r.plan().gentle()).isTrue();
        assertThat(Contents.prescribedExercises(r)).doesNotContain("couch-stretch");
        assertThat(phase(r, "stretch").items()).extracting(Item::exercise)
                .containsExactly("supine-passive-hip-flexor-stretch");
        assertThat(r.explanation().rules()).filteredOn(rule -> rule.rule().equals("CA-ACUTE"))
                .flatExtracting(Explanation.FiredRule::inputs).contains(new Recommendation.Evidence("daysSinceOnset", "2"));
        // Fourteen days on, the same report is no longer acute.
        assertThat(recommend(report().daysSinceOnset(14).intensity(6).qualities(PainQuality.DULL_ACHE)).plan().gentle())
                .isFalse();
    }

    @Test
    @DisplayName("PS-FRESH-STRAIN: sudden pain during exercise 3 days ago: no stretching or rolling, only still holds, and a note saying so")
    void freshStrainHoldsOnly() {
        Recommendation r = recommend(report().onset(Onset.SUDDEN_DURING_EXERCISE).daysSinceOnset(3).intensity(4));

        assertThat(phase(r, "stretch").items()).isEmpty();
        assertThat(phase(r, "release").items()).isEmpty();
        assertThat(Contents.planItems(r)).extracting(Item::exercise).containsExactly("glute-bridge-hold");
        assertThat(Contents.planItems(r)).allSatisfy(i -> assertThat(i.instruction()).startsWith("For now, only hold"));
        // PF-HOLDS-ONLY v2: the bridge as 5 still holds of 10 to 20 s (its isometricHold), not 3 sets of 12 reps.
        CatalogSnapshot.Dose holds = Contents.planItems(r).get(0).dose();
        assertThat(holds.holdSeconds()).isEqualTo(new CatalogSnapshot.Range(10, 20));
        assertThat(holds.reps()).isEqualTo(new CatalogSnapshot.Range(5, 5));
        assertThat(holds.sets()).isNull();
        assertThat(r.excluded()).filteredOn(e -> e.condition().equals("fresh-strain")).extracting(Exclusion::exercise)
                .contains("supine-passive-hip-flexor-stretch", "half-kneeling-hip-flexor-stretch", "dead-bug")
                .doesNotContain("glute-bridge-hold");
        assertThat(r.plan().notes()).anyMatch(n -> n.text().contains("do no stretching")
                && n.source().equals("general-clinical-guidance"));
        // From the sixth day the strain is loaded gently: the gentle stretch comes back.
        assertThat(Contents.planExercises(recommend(report().onset(Onset.SUDDEN_DURING_EXERCISE).daysSinceOnset(6))))
                .contains("supine-passive-hip-flexor-stretch");
    }

    @Test
    @DisplayName("PF-GENTLER-FIRST: a first plan without any caution does the supine passive stretch and leaves the couch stretch for later")
    void couchStretchLater() {
        Recommendation r = recommend(report());
        assertThat(phase(r, "stretch").skipped()).containsExactly(
                new Skipped("couch-stretch", SkipReason.LATER, "supine-passive-hip-flexor-stretch"));
        assertThat(Contents.prescribedExercises(r)).doesNotContain("couch-stretch");
    }

    @Test
    @DisplayName("DR-ON-REQUEST: the deep lacrosse-ball psoas release is in no default plan (the TFL roll takes its place), only in the plan of whoever asks and may have it")
    void deepReleaseOptIn() {
        Recommendation r = recommend(report());
        assertThat(Contents.prescribedExercises(r)).doesNotContain("lacrosse-ball-psoas-release");
        assertThat(phase(r, "release").skipped()).containsExactly(
                new Skipped("lacrosse-ball-psoas-release", SkipReason.ON_REQUEST_ONLY, "tfl-foam-roll"));
        assertThat(r.excluded()).isEmpty();

        Recommendation asked = recommend(report().wantsDeepPsoasRelease(true));
        assertThat(phase(asked, "release").items()).extracting(Item::exercise, Item::choice)
                .contains(tuple("lacrosse-ball-psoas-release", Choice.PROTOCOL));
        assertThat(asked.excluded()).isEmpty();
        // Asking does not override what else rules it out.
        assertThat(Contents.prescribedExercises(recommend(report().wantsDeepPsoasRelease(true)
                .history(SymptomReport.History.PREGNANCY)))).doesNotContain("lacrosse-ball-psoas-release");
    }

    @Test
    @DisplayName("PF-FOCUS-RECTUS-FEMORIS: front-of-thigh and knee pain gets the quad roll and a knee-friendly stretch, none loading a bent back knee")
    void rectusFemorisKneeFriendly() {
        Recommendation r = recommend(report().locations(PainLocation.FRONT_OF_THIGH, PainLocation.KNEE));

        // Rectus femoris and sartorius both refer to the thigh and the knee: the tie goes to the more common source.
        assertThat(r.likelyMuscles()).extracting(LikelyMuscle::muscle, LikelyMuscle::score)
                .startsWith(tuple("rectus-femoris", 2), tuple("sartorius", 2));
        assertThat(phase(r, "release").items()).extracting(Item::exercise).contains("foam-roll-quads-rectus-femoris");
        assertThat(phase(r, "stretch").items()).extracting(Item::exercise, Item::choice)
                .contains(tuple("standing-hip-flexor-stretch", Choice.CATALOG));
        assertThat(Contents.planExercises(r)).doesNotContain("couch-stretch", "half-kneeling-hip-flexor-stretch",
                "low-lunge-side-reach");
        assertThat(r.extras().coreAndGlute().items()).isNotEmpty();
    }

    @Test
    @DisplayName("LM-MOST-COMMON-FIRST: groin pain points to the psoas major and the iliacus equally; the psoas major comes first")
    void psoasFirstOnTies() {
        Recommendation r = recommend(report().locations(PainLocation.GROIN));
        assertThat(r.likelyMuscles()).extracting(LikelyMuscle::muscle, LikelyMuscle::score)
                .containsExactly(tuple("psoas-major", 1), tuple("iliacus", 1));
    }
}
