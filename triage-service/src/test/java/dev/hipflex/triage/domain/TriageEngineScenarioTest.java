package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.CatalogFixture.catalog;
import static dev.hipflex.triage.domain.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.hipflex.triage.domain.Plan.Status;
import dev.hipflex.triage.domain.ProfileExtras.Runner;
import dev.hipflex.triage.domain.Recommendation.Choice;
import dev.hipflex.triage.domain.Recommendation.Evidence;
import dev.hipflex.triage.domain.Recommendation.Exclusion;
import dev.hipflex.triage.domain.Recommendation.Item;
import dev.hipflex.triage.domain.Recommendation.LikelyMuscle;
import dev.hipflex.triage.domain.Recommendation.Reason;
import dev.hipflex.triage.domain.Recommendation.RootCauseCheck;
import dev.hipflex.triage.domain.Recommendation.SkipReason;
import dev.hipflex.triage.domain.Recommendation.Skipped;
import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

class TriageEngineScenarioTest {

    private static Recommendation recommend(ReportBuilder report) {
        return TriageEngine.recommend(report.build(), catalog());
    }

    private static Plan.Phase phase(Recommendation r, String slug) {
        return r.plan().phases().stream().filter(p -> p.phase().equals(slug)).findFirst().orElseThrow();
    }

    private static String catalogReason(String exercise, String condition) {
        return catalog().exercise(exercise).orElseThrow().contraindications().stream()
                .filter(c -> c.condition().equals(condition)).findFirst().orElseThrow().reason();
    }

    @Test
    @DisplayName("pregnancy excludes the lacrosse-ball psoas release with the catalog's reason; the TFL roll takes its place")
    void pregnancyExcludesPsoasBall() {
        Recommendation r = recommend(report().history(History.PREGNANCY));

        assertThat(r.excluded()).containsExactly(
                new Exclusion("lacrosse-ball-psoas-release", "pregnancy",
                        catalogReason("lacrosse-ball-psoas-release", "pregnancy")));
        assertThat(Contents.prescribedExercises(r)).doesNotContain("lacrosse-ball-psoas-release");
        Plan.Phase release = phase(r, "release");
        assertThat(release.items()).extracting(Item::exercise, Item::choice).containsExactly(
                tuple("foam-roll-quads-rectus-femoris", Choice.PROTOCOL), tuple("tfl-foam-roll", Choice.ALTERNATIVE));
        assertThat(release.skipped()).containsExactly(
                new Skipped("lacrosse-ball-psoas-release", SkipReason.CONTRAINDICATED, "tfl-foam-roll"));
    }

    @Test
    @DisplayName("sharp pain gives the supine passive stretch instead of the couch stretch")
    void sharpPainGivesSupineStretch() {
        Recommendation r = recommend(report().qualities(PainQuality.SHARP).intensity(5));

        assertThat(r.level()).isEqualTo(Level.SELF_CARE_WITH_CAUTION);
        assertThat(r.plan().status()).isEqualTo(Status.START_WITH_CARE);
        assertThat(r.plan().gentle()).isTrue();
        Plan.Phase stretch = phase(r, "stretch");
        assertThat(stretch.items()).extracting(Item::exercise, Item::choice)
                .containsExactly(tuple("supine-passive-hip-flexor-stretch", Choice.ALTERNATIVE));
        // The protocol item's dose carries over to the alternative: 60 s per side.
        assertThat(stretch.items().get(0).dose().holdSeconds().min()).isEqualTo(60);
        assertThat(stretch.skipped()).contains(
                new Skipped("couch-stretch", SkipReason.CONTRAINDICATED, "supine-passive-hip-flexor-stretch"),
                new Skipped("half-kneeling-hip-flexor-stretch", SkipReason.NOT_GENTLE, null));
        assertThat(Contents.prescribedExercises(r)).doesNotContain("couch-stretch");
        assertThat(r.excluded()).contains(new Exclusion("couch-stretch", "acute-pain",
                catalogReason("couch-stretch", "acute-pain")));
    }

    @Test
    @DisplayName("a runner with sudden sharp pain during a sprint must see a professional, with the reason, and not run")
    void runnerSuddenSharpPain() {
        Recommendation r = recommend(report().runner(true).shoeAgeMonths(3).qualities(PainQuality.SHARP).intensity(7)
                .onset(Onset.SUDDEN_DURING_EXERCISE).activities(Activity.RUNNING).locations(PainLocation.FRONT_OF_HIP));

        assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        Reason first = r.reasons().get(0);
        assertThat(first.rule()).isEqualTo("RF-SUDDEN-ONSET");
        assertThat(first.redFlag()).isEqualTo("sudden-pain-during-exercise");
        assertThat(first.possibleConditions()).containsExactly("labral-tear");
        assertThat(first.source()).isEqualTo("release-tight-hips-guide");
        assertThat(Contents.ruleIdsInReasons(r)).containsExactly("RF-SUDDEN-ONSET", "CA-ACUTE");
        assertThat(r.plan().status()).isEqualTo(Status.SEE_PROFESSIONAL_FIRST);
        assertThat(r.plan().noRunningUntilSeen()).isTrue();
        assertThat(r.plan().notes()).anyMatch(n -> n.text().startsWith("No running"));
        assertThat(Contents.planExercises(r)).containsExactly("supine-passive-hip-flexor-stretch", "glute-bridge-hold",
                "dead-bug");
        assertThat(r.extras().runner()).isNull();
    }

    @Test
    @DisplayName("a runner whose hip hurts at night only when lying on it stays at self-care: running and the exercises "
            + "go on; constant pain day and night instead is a referral within a week with no running")
    void runnerWithPainOnlyWhenLyingOnIt() {
        ReportBuilder lyingOnIt = report().runner(true).activities(Activity.SLEEPING, Activity.RUNNING)
                .painOnlyWhenLyingOnIt(true).constantPainDayAndNight(false).intensity(3);
        Recommendation r = recommend(lyingOnIt);

        assertThat(r.level()).isEqualTo(Level.SELF_CARE);
        assertThat(r.reasons()).extracting(Reason::rule).containsExactly("SC-NO-RED-FLAGS");
        assertThat(r.referral()).isNull();
        assertThat(r.plan().status()).isEqualTo(Status.START_PROTOCOL);
        assertThat(r.plan().noRunningUntilSeen()).isFalse();
        assertThat(Contents.prescribedExercises(r)).isNotEmpty();
        assertThat(r.extras().runner()).isNotNull();
        assertThat(r.notAsked()).isEmpty();

        Recommendation constant = recommend(lyingOnIt.painOnlyWhenLyingOnIt(false).constantPainDayAndNight(true));
        assertThat(constant.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(constant.referral().urgency()).isEqualTo(Urgency.WITHIN_A_WEEK);
        assertThat(constant.reasons()).extracting(Reason::rule).contains("GC-BONE-STRESS", "GC-CONSTANT-PAIN");
        assertThat(constant.plan().noRunningUntilSeen()).isTrue();
    }

    @Test
    @DisplayName("a desk worker with a gradual dull ache gets self-care, the protocol as a first plan and movement breaks")
    void deskWorkerDullAche() {
        Recommendation r = recommend(report().deskWorker(true).hoursSitting(10).qualities(PainQuality.DULL_ACHE)
                .intensity(3).activities(Activity.SITTING, Activity.STANDING_UP));

        assertThat(r.level()).isEqualTo(Level.SELF_CARE);
        assertThat(r.reasons()).extracting(Reason::rule).containsExactly("SC-NO-RED-FLAGS");
        assertThat(r.plan().status()).isEqualTo(Status.START_PROTOCOL);
        assertThat(r.plan().schedule()).isEqualTo(catalog().protocol("complete-release-protocol").orElseThrow().schedule());
        assertThat(r.plan().phases()).extracting(Plan.Phase::phase).containsExactly("release", "stretch", "strengthen");
        // The deep ball release is opt-in and the couch stretch waits for a later plan: their alternatives stand in.
        assertThat(Contents.planItems(r)).extracting(Item::exercise, Item::choice).containsExactly(
                tuple("foam-roll-quads-rectus-femoris", Choice.PROTOCOL), tuple("tfl-foam-roll", Choice.ALTERNATIVE),
                tuple("half-kneeling-hip-flexor-stretch", Choice.PROTOCOL),
                tuple("supine-passive-hip-flexor-stretch", Choice.ALTERNATIVE),
                tuple("low-lunge-side-reach", Choice.PROTOCOL), tuple("glute-bridge-hold", Choice.PROTOCOL),
                tuple("dead-bug", Choice.PROTOCOL), tuple("bird-dog", Choice.PROTOCOL));
        assertThat(Contents.planItems(r)).allMatch(Item::bothSides);
        assertThat(Contents.skipped(r)).containsExactly(
                new Skipped("lacrosse-ball-psoas-release", SkipReason.ON_REQUEST_ONLY, "tfl-foam-roll"),
                new Skipped("couch-stretch", SkipReason.LATER, "supine-passive-hip-flexor-stretch"));

        ProfileExtras.MovementBreaks breaks = r.extras().movementBreaks();
        assertThat(breaks.protocol()).isEqualTo("movement-breaks");
        List<Item> items = breaks.phases().get(0).items();
        assertThat(items).extracting(Item::exercise).containsExactly("standing-hip-flexor-stretch", null, null);
        assertThat(items.get(0).dose().holdSeconds().min()).isEqualTo(20);
        assertThat(items.get(1).instruction()).contains("walk");
        assertThat(r.extras().runner()).isNull();
        assertThat(r.extras().coreAndGlute()).isNull();
    }

    @Test
    @DisplayName("six hours of sitting a day brings movement breaks without the desk worker flag")
    void longSittingGetsBreaks() {
        assertThat(recommend(report().hoursSitting(6)).extras().movementBreaks()).isNotNull();
        assertThat(recommend(report().hoursSitting(5)).extras().movementBreaks()).isNull();
    }

    @Test
    @DisplayName("in gentle mode the movement breaks keep the walk and glute squeezes but drop the standing stretch")
    void gentleMovementBreaks() {
        Recommendation r = recommend(report().deskWorker(true).qualities(PainQuality.BURNING));
        Plan.Phase breaks = r.extras().movementBreaks().phases().get(0);
        assertThat(breaks.items()).extracting(Item::exercise).containsExactly(null, null);
        assertThat(breaks.skipped()).containsExactly(new Skipped("standing-hip-flexor-stretch", SkipReason.NOT_GENTLE, null));
    }

    @Test
    @DisplayName("gentle mode leaves the release phase empty (no acute-safe release exists) and says why for each item")
    void gentleReleasePhase() {
        Plan.Phase release = phase(recommend(report().intensity(8)), "release");
        assertThat(release.items()).isEmpty();
        assertThat(release.skipped()).extracting(Skipped::exercise, Skipped::reason).containsExactly(
                tuple("foam-roll-quads-rectus-femoris", SkipReason.NOT_GENTLE),
                tuple("lacrosse-ball-psoas-release", SkipReason.ON_REQUEST_ONLY));
    }

    @Test
    @DisplayName("a runner gets the warm-up stages, post-run stretch and ice, mobility drills, shoe and gait checks")
    void runnerExtras() {
        Recommendation r = recommend(report().runner(true).shoeAgeMonths(8).activities(Activity.RUNNING));
        Runner runner = r.extras().runner();

        assertThat(runner.warmUp()).isEqualTo("runners-warm-up");
        assertThat(runner.warmUpStages()).extracting(Plan.Phase::phase)
                .containsExactly("walk-slowly", "pick-up-the-pace", "reach-your-speed", "steady-tempo");
        assertThat(runner.postRunStretch().items()).extracting(Item::exercise).containsExactly("standing-hip-flexor-stretch");
        assertThat(runner.postRunStretch().items().get(0).dose().holdSeconds().min()).isEqualTo(30);
        assertThat(runner.afterPainfulRun().text()).contains("20 minutes");
        assertThat(runner.afterPainfulRun().source()).isEqualTo("runners-chronic-hip-flexor-pain");
        assertThat(runner.mobilityDrills().items()).extracting(Item::exercise)
                .containsExactly("crawl-to-squat", "shin-boxes", "worlds-greatest-stretch");
        assertThat(runner.shoeCheck().replace()).isTrue();
        assertThat(runner.shoeCheck().ageMonths()).isEqualTo(8);
        assertThat(runner.shoeCheck().advice().source()).isEqualTo("mfactor-root-cause");
        assertThat(runner.gaitAnalysis().source()).isEqualTo("runners-chronic-hip-flexor-pain");

        assertThat(recommend(report().runner(true).shoeAgeMonths(5)).extras().runner().shoeCheck().replace()).isFalse();
        assertThat(recommend(report().runner(true).shoeAgeMonths(null)).extras().runner().shoeCheck().replace()).isFalse();
    }

    @Test
    @DisplayName("a runner with knee pain loses the knee-loading mobility drill and gains core and glute work")
    void runnerWithKneePain() {
        Recommendation r = recommend(report().runner(true).locations(PainLocation.KNEE, PainLocation.FRONT_OF_THIGH));
        assertThat(r.extras().runner().mobilityDrills().items()).extracting(Item::exercise)
                .containsExactly("crawl-to-squat", "worlds-greatest-stretch");
        assertThat(r.extras().runner().mobilityDrills().skipped())
                .containsExactly(new Skipped("shin-boxes", SkipReason.CONTRAINDICATED, null));
        assertThat(r.extras().coreAndGlute().category()).isEqualTo("strengthen");
        assertThat(r.extras().coreAndGlute().items()).extracting(Item::exercise).containsExactly(
                "banded-standing-hip-extension", "bird-dog", "dead-bug", "glute-bridge-hold", "hip-thrust",
                "side-lying-hip-abduction", "single-leg-glute-bridge");
    }

    @Test
    @DisplayName("low back pain in gentle mode keeps only the acute-safe core and glute work")
    void gentleCoreAndGlute() {
        Recommendation r = recommend(report().locations(PainLocation.LOW_BACK).qualities(PainQuality.SHARP));
        assertThat(r.extras().coreAndGlute().items()).extracting(Item::exercise)
                .containsExactly("dead-bug", "glute-bridge-hold");
    }

    @Test
    @DisplayName("urgent care: no exercises anywhere, no extras, seek care now")
    void urgentCare() {
        Recommendation r = recommend(report().runner(true).deskWorker(true).locations(PainLocation.KNEE)
                .warningSigns(WarningSign.FEVER_OR_UNWELL, WarningSign.HOT_SWOLLEN_HIP));
        assertThat(r.level()).isEqualTo(Level.URGENT_CARE);
        assertThat(r.plan().status()).isEqualTo(Status.SEEK_CARE_NOW);
        assertThat(r.plan().phases()).isEmpty();
        assertThat(r.plan().schedule()).isNull();
        assertThat(r.plan().notes()).hasSize(1);
        assertThat(r.extras()).isEqualTo(ProfileExtras.NONE);
        assertThat(r.reasons()).extracting(Reason::level).first().isEqualTo(Level.URGENT_CARE);
        assertThat(r.reasons()).extracting(Reason::rule)
                .containsExactly("UC-INFECTION", "GC-FEVER", "GC-HOT-SWOLLEN-HIP");
        // CI-KNEE fired, but with no exercise to leave out it only shaped a plan there is not.
        assertThat(RuleSet.CI_KNEE.appliesTo(report().locations(PainLocation.KNEE).build())).isTrue();
    }

    @Test
    @DisplayName("likely muscles are ranked by how many symptoms point to them, each naming the symptom")
    void likelyMuscles() {
        Recommendation r = recommend(report().locations(PainLocation.GROIN, PainLocation.LOW_BACK)
                .activities(Activity.LIFTING_THE_KNEE));
        assertThat(r.likelyMuscles()).extracting(LikelyMuscle::muscle, LikelyMuscle::score)
                .containsExactly(tuple("psoas-major", 3), tuple("iliacus", 2));
        assertThat(r.likelyMuscles().get(0).pointedBy()).containsExactly(new Evidence("painLocations", "groin"),
                new Evidence("painLocations", "low-back"), new Evidence("aggravatingActivities", "lifting-the-knee"));
    }

    @Test
    @DisplayName("likely muscles: ties go by how common each muscle is as the source (psoas major first), not by slug; "
            + "snapping points to the TFL")
    void likelyMusclesTiesGoByPrevalenceAndSnappingPointsToTheTfl() {
        // Groin pain points to the iliacus and the psoas major, one point each: by slug the iliacus would lead.
        Recommendation groin = recommend(report().locations(PainLocation.GROIN));
        assertThat(groin.likelyMuscles()).extracting(LikelyMuscle::muscle, LikelyMuscle::score)
                .containsExactly(tuple("psoas-major", 1), tuple("iliacus", 1));
        // Outer hip and knee: one point each for the TFL, the rectus femoris and the sartorius; by slug the sartorius
        // would come before the TFL.
        Recommendation outerAndKnee = recommend(report().locations(PainLocation.OUTER_HIP, PainLocation.KNEE));
        assertThat(outerAndKnee.likelyMuscles()).extracting(LikelyMuscle::muscle)
                .containsExactly("rectus-femoris", "tensor-fasciae-latae", "sartorius");
        Recommendation front = recommend(report().locations(PainLocation.FRONT_OF_HIP));
        assertThat(front.likelyMuscles()).extracting(LikelyMuscle::muscle)
                .containsExactly("iliacus", "rectus-femoris", "sartorius");
        Recommendation snapping = recommend(report().locations(PainLocation.OUTER_HIP).qualities(PainQuality.SNAPPING));
        assertThat(snapping.likelyMuscles()).containsExactly(new LikelyMuscle("tensor-fasciae-latae", 2,
                List.of(new Evidence("painLocations", "outer-hip"), new Evidence("qualities", "snapping"))));
    }

    @Test
    @DisplayName("root-cause checks follow the catalog order, skip the runner step for non-runners and say what made a step relevant")
    void rootCauseChecks() {
        Recommendation r = recommend(report().raisedHeels(true).activities(Activity.SLEEPING, Activity.DEEP_SQUAT));
        assertThat(r.rootCauseChecks()).extracting(RootCauseCheck::step).containsExactly("exercise-form",
                "posterior-chain-work", "sleeping-posture", "everyday-shoes", "walking-duck-footed", "pillow-height",
                "socks");
        assertThat(r.rootCauseChecks()).filteredOn(RootCauseCheck::relevant).extracting(RootCauseCheck::step, c -> c.because())
                .containsExactly(
                        tuple("exercise-form", List.of(new Evidence("aggravatingActivities", "deep-squat"))),
                        tuple("sleeping-posture", List.of(new Evidence("aggravatingActivities", "sleeping"))),
                        tuple("everyday-shoes", List.of(new Evidence("profile.wearsRaisedHeels", "true"))));
        assertThat(r.plan().notes()).anyMatch(n -> n.source().equals("mfactor-root-cause")
                && n.text().contains("one thing at a time"));

        RootCauseCheck shoes = recommend(report().runner(true).shoeAgeMonths(7)).rootCauseChecks().get(0);
        assertThat(shoes).isEqualTo(new RootCauseCheck(1, "running-shoes", true,
                List.of(new Evidence("profile.runningShoeAgeMonths", "7"))));
    }

    @Test
    @DisplayName("the explanation names each fired rule with its inputs and values, the sources and both versions")
    void explanation() {
        // Clicking and locking refers the person but keeps the gentle exercises, so CI-KNEE shapes a plan.
        Recommendation r = recommend(report().signs(Sign.CLICKING_CATCHING_LOCKING)
                .locations(PainLocation.KNEE, PainLocation.GROIN).intensity(4));
        Explanation e = r.explanation();
        assertThat(e.rules()).extracting(Explanation.FiredRule::rule).containsExactly("RF-MECHANICAL", "CI-KNEE");
        assertThat(e.rules().get(0)).isEqualTo(new Explanation.FiredRule("RF-MECHANICAL", "2",
                "release-tight-hips-guide", List.of(new Evidence("signs", "clicking-catching-locking"))));
        assertThat(e.rules().get(1).inputs()).containsExactly(new Evidence("painLocations", "groin, knee"));
        assertThat(e.sources()).containsExactly("general-clinical-guidance", "release-tight-hips-guide");
        assertThat(e.ruleSetVersion()).isEqualTo(RuleSet.VERSION).isEqualTo(r.ruleSetVersion());
        assertThat(e.catalogVersion()).isEqualTo("d0d8e055a9dc8508").isEqualTo(r.catalogVersion());
    }

    @Test
    @DisplayName("the recommendation serializes to JSON with kebab-case words and reads back equal")
    void json() throws Exception {
        Recommendation r = recommend(report().runner(true).deskWorker(true).qualities(PainQuality.SHARP)
                .history(History.PREGNANCY).locations(PainLocation.GROIN, PainLocation.KNEE));
        String json = CatalogFixture.JSON.writeValueAsString(r);
        JsonNode tree = CatalogFixture.JSON.readTree(json);

        assertThat(tree.get("level").asText()).isEqualTo("self-care-with-caution");
        assertThat(tree.at("/plan/status").asText()).isEqualTo("start-with-care");
        assertThat(tree.at("/plan/phases/1/items/0/choice").asText()).isEqualTo("alternative");
        assertThat(tree.at("/reasons/0/level").asText()).isEqualTo("self-care-with-caution");
        assertThat(CatalogFixture.JSON.readValue(json, Recommendation.class)).isEqualTo(r);
    }
}
