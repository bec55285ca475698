package dev.hipflex.triage.domain;

import static dev.hipflex.triage.domain.CatalogFixture.catalog;
import static dev.hipflex.triage.domain.ReportBuilder.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.hipflex.triage.domain.Plan.Status;
import dev.hipflex.triage.domain.Recommendation.Reason;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

/** One or more tests per rule, each naming its source in the display name: "ID: what (source)". */
class RuleSetTest {

    private static Recommendation recommend(ReportBuilder report) {
        return TriageEngine.recommend(report.build(), catalog());
    }

    private static Reason reason(Recommendation r, Rule rule) {
        return r.reasons().stream().filter(reason -> reason.rule().equals(rule.id())).findFirst()
                .orElseThrow(() -> new AssertionError(rule.id() + " gave no reason; reasons: " + r.reasons()));
    }

    /** Fires the rule, raises the level to its minimum, and names the catalog red flag with its conditions. */
    private static void assertRedFlag(ReportBuilder report, Rule rule, String redFlag, String... conditions) {
        Recommendation r = recommend(report);
        assertThat(rule.appliesTo(report.build())).isTrue();
        assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        Reason reason = reason(r, rule);
        assertThat(reason.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(reason.source()).isEqualTo("release-tight-hips-guide");
        assertThat(reason.redFlag()).isEqualTo(redFlag);
        assertThat(reason.possibleConditions()).containsExactly(conditions);
        assertThat(reason.whatToDo()).isNotBlank();
        assertThat(r.reasons().get(0).level()).isEqualTo(Level.SEE_PROFESSIONAL);
    }

    private static void assertDoesNotFire(ReportBuilder report, Rule rule) {
        assertThat(rule.appliesTo(report.build())).as(rule.id()).isFalse();
        assertThat(Contents.ruleIdsInReasons(recommend(report))).doesNotContain(rule.id());
    }

    // ---- the rule set as a whole ----

    @Test
    @DisplayName("every rule has a test here whose display name gives its id and its source")
    void everyRuleIsTestedByName() {
        List<String> names = Stream.of(RuleSetTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class) && m.isAnnotationPresent(DisplayName.class))
                .map(m -> m.getAnnotation(DisplayName.class).value()).toList();
        for (Rule rule : RuleSet.RULES) {
            assertThat(names).as(rule.id())
                    .anyMatch(name -> name.startsWith(rule.id() + ":") && name.endsWith("(" + rule.source() + ")"));
        }
    }

    @Test
    @DisplayName("rules have unique ids, a version, a description, inputs, a reason, and a source the catalog knows")
    void rulesAreWellFormed() {
        Set<String> sources = CatalogFixture.SOURCES;
        assertThat(RuleSet.RULES.stream().map(Rule::id).collect(Collectors.toSet())).hasSize(RuleSet.RULES.size());
        assertThat(RuleSet.VERSION).matches("\\d{4}\\.\\d+\\.\\d+");
        for (Rule rule : RuleSet.RULES) {
            assertThat(rule.id()).matches("(RF|GC|UC|CA|CI|SC)-[A-Z0-9-]+");
            assertThat(rule.version()).isNotBlank();
            assertThat(rule.description()).isNotBlank();
            assertThat(rule.inputs()).isNotEmpty();
            assertThat(rule.effect().reason()).isNotBlank();
            assertThat(sources).contains(rule.source());
            assertThat(RuleSet.byId(rule.id())).contains(rule);
        }
    }

    @Test
    @DisplayName("every red flag rule names a red flag the catalog has")
    void redFlagSlugsExist() {
        Set<String> flags = catalog().redFlags().stream().map(CatalogSnapshot.RedFlag::slug).collect(Collectors.toSet());
        RuleSet.RULES.stream().map(rule -> rule.effect().redFlag()).filter(Objects::nonNull)
                .forEach(flag -> assertThat(flags).contains(flag));
        assertThat(RuleSet.RULES.stream().filter(rule -> rule.effect().redFlag() != null).count()).isEqualTo(6);
    }

    // ---- red flags from seed 003 ----

    @Test
    @DisplayName("RF-NO-IMPROVEMENT: pain after 4 weeks of consistent work sends to a professional (release-tight-hips-guide)")
    void noImprovement() {
        assertRedFlag(report().weeksOfWork(4).intensity(1), RuleSet.RF_NO_IMPROVEMENT,
                "no-improvement-after-4-6-weeks", "labral-tear", "femoroacetabular-impingement", "iliopsoas-bursitis",
                "nerve-entrapment");
        Recommendation r = recommend(report().weeksOfWork(6));
        assertThat(r.plan().status()).isEqualTo(Status.SEE_PROFESSIONAL_FIRST);
        assertThat(r.plan().gentle()).isTrue();
    }

    @Test
    @DisplayName("RF-NO-IMPROVEMENT: not before 4 weeks, not without pain, not when weeks are unknown (release-tight-hips-guide)")
    void noImprovementBoundaries() {
        assertDoesNotFire(report().weeksOfWork(3).intensity(9), RuleSet.RF_NO_IMPROVEMENT);
        assertDoesNotFire(report().weeksOfWork(8).intensity(0), RuleSet.RF_NO_IMPROVEMENT);
        assertDoesNotFire(report().weeksOfWork(null), RuleSet.RF_NO_IMPROVEMENT);
    }

    @Test
    @DisplayName("RF-NEURO: numbness, tingling or radiating pain sends to a professional and holds the exercises (release-tight-hips-guide)")
    void neuro() {
        for (Sign sign : List.of(Sign.NUMBNESS, Sign.TINGLING, Sign.RADIATING_DOWN_THE_LEG)) {
            assertRedFlag(report().signs(sign), RuleSet.RF_NEURO, "numbness-tingling-or-radiating-pain",
                    "nerve-entrapment");
        }
        Recommendation r = recommend(report().signs(Sign.TINGLING).deskWorker(true));
        assertThat(r.plan().status()).isEqualTo(Status.ON_HOLD_UNTIL_SEEN);
        assertThat(r.plan().phases()).isEmpty();
        assertThat(r.extras()).isEqualTo(ProfileExtras.NONE);
    }

    @Test
    @DisplayName("RF-GAIT: limping sends to a professional before more exercise (release-tight-hips-guide)")
    void gait() {
        assertRedFlag(report().signs(Sign.LIMPING), RuleSet.RF_GAIT, "pain-changes-how-you-walk", "labral-tear",
                "femoroacetabular-impingement", "iliopsoas-bursitis");
        assertThat(recommend(report().signs(Sign.LIMPING)).plan().status()).isEqualTo(Status.ON_HOLD_UNTIL_SEEN);
    }

    @Test
    @DisplayName("RF-MECHANICAL: clicking, catching or locking sends to a professional (release-tight-hips-guide)")
    void mechanical() {
        assertRedFlag(report().signs(Sign.CLICKING_CATCHING_LOCKING), RuleSet.RF_MECHANICAL,
                "clicking-catching-or-locking", "labral-tear", "femoroacetabular-impingement");
        Recommendation r = recommend(report().signs(Sign.CLICKING_CATCHING_LOCKING));
        assertThat(r.plan().status()).isEqualTo(Status.SEE_PROFESSIONAL_FIRST);
        assertThat(Contents.planExercises(r)).containsExactly("supine-passive-hip-flexor-stretch", "glute-bridge-hold",
                "dead-bug");
    }

    @Test
    @DisplayName("RF-SUDDEN-ONSET: sudden pain during exercise sends to a professional, no running until seen (release-tight-hips-guide)")
    void suddenOnset() {
        assertRedFlag(report().onset(Onset.SUDDEN_DURING_EXERCISE), RuleSet.RF_SUDDEN_ONSET,
                "sudden-pain-during-exercise", "labral-tear");
        assertThat(recommend(report().onset(Onset.SUDDEN_DURING_EXERCISE)).plan().noRunningUntilSeen()).isTrue();
        assertDoesNotFire(report().onset(Onset.GRADUAL), RuleSet.RF_SUDDEN_ONSET);
    }

    @Test
    @DisplayName("RF-HIP-SURGERY: past hip surgery sends to a professional and excludes end-range exercises (release-tight-hips-guide)")
    void hipSurgery() {
        assertRedFlag(report().history(History.HIP_SURGERY_OR_STRUCTURAL_ISSUE), RuleSet.RF_HIP_SURGERY,
                "hip-surgery-or-structural-problem", "labral-tear", "femoroacetabular-impingement");
        Recommendation r = recommend(report().history(History.HIP_SURGERY_OR_STRUCTURAL_ISSUE));
        assertThat(r.excluded()).filteredOn(e -> e.condition().equals("hip-surgery-or-structural-issue"))
                .extracting(Recommendation.Exclusion::exercise)
                .containsExactly("couch-stretch", "crawl-to-squat", "pigeon-hip-flexor-focus", "shin-boxes");
        assertThat(r.excluded()).allMatch(e -> e.condition().equals("hip-surgery-or-structural-issue")
                || e.condition().equals("deep-release-not-chosen"));
        assertThat(r.plan().status()).isEqualTo(Status.ON_HOLD_UNTIL_SEEN);
    }

    // ---- general clinical guidance ----

    @Test
    @DisplayName("GC-BONE-STRESS: night pain, pain on hopping or a jump in running load: possible stress fracture, no running (general-clinical-guidance)")
    void boneStress() {
        for (WarningSign sign : List.of(WarningSign.NIGHT_OR_REST_PAIN, WarningSign.PAIN_WHEN_HOPPING,
                WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD)) {
            Recommendation r = recommend(report().runner(true).warningSigns(sign));
            assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
            Reason reason = reason(r, RuleSet.GC_BONE_STRESS);
            assertThat(reason.source()).isEqualTo("general-clinical-guidance");
            assertThat(reason.text()).contains("stress fracture").contains("No running");
            assertThat(reason.redFlag()).isNull();
            assertThat(r.plan().noRunningUntilSeen()).isTrue();
            assertThat(r.plan().status()).isEqualTo(Status.ON_HOLD_UNTIL_SEEN);
            assertThat(r.extras().runner()).isNull();
        }
    }

    @Test
    @DisplayName("UC-FALL-NO-WEIGHT: a fall and a leg that cannot bear weight is urgent (general-clinical-guidance)")
    void fallNoWeight() {
        Recommendation r = recommend(report().warningSigns(WarningSign.RECENT_FALL_OR_INJURY).signs(Sign.CANNOT_BEAR_WEIGHT));
        assertThat(r.level()).isEqualTo(Level.URGENT_CARE);
        assertThat(r.reasons().get(0).rule()).isEqualTo("UC-FALL-NO-WEIGHT");
        assertThat(r.plan().status()).isEqualTo(Status.SEEK_CARE_NOW);
        assertThat(r.plan().phases()).isEmpty();
        assertDoesNotFire(report().warningSigns(WarningSign.RECENT_FALL_OR_INJURY), RuleSet.UC_FALL_NO_WEIGHT);
    }

    @Test
    @DisplayName("GC-FALL-OR-INJURY: a recent fall or injury sends to a professional even while the leg takes weight (general-clinical-guidance)")
    void fallOrInjury() {
        Recommendation r = recommend(report().warningSigns(WarningSign.RECENT_FALL_OR_INJURY).runner(true));
        assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(reason(r, RuleSet.GC_FALL_OR_INJURY).level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(r.plan().status()).isEqualTo(Status.ON_HOLD_UNTIL_SEEN);
        assertThat(r.plan().noRunningUntilSeen()).isTrue();
        assertThat(r.plan().phases()).isEmpty();
        assertDoesNotFire(report(), RuleSet.GC_FALL_OR_INJURY);
        // With a leg that cannot bear weight the urgent rule decides the level; this one still gives its reason.
        Recommendation urgent = recommend(report().warningSigns(WarningSign.RECENT_FALL_OR_INJURY).signs(Sign.CANNOT_BEAR_WEIGHT));
        assertThat(urgent.level()).isEqualTo(Level.URGENT_CARE);
        assertThat(reason(urgent, RuleSet.GC_FALL_OR_INJURY).level()).isEqualTo(Level.SEE_PROFESSIONAL);
    }

    @Test
    @DisplayName("UC-SEVERE-NO-WEIGHT: pain of 8 or more and a leg that cannot bear weight is urgent (general-clinical-guidance)")
    void severeNoWeight() {
        Recommendation r = recommend(report().intensity(8).signs(Sign.CANNOT_BEAR_WEIGHT));
        assertThat(r.level()).isEqualTo(Level.URGENT_CARE);
        assertThat(reason(r, RuleSet.UC_SEVERE_NO_WEIGHT).level()).isEqualTo(Level.URGENT_CARE);
        assertDoesNotFire(report().intensity(7).signs(Sign.CANNOT_BEAR_WEIGHT), RuleSet.UC_SEVERE_NO_WEIGHT);
        assertDoesNotFire(report().intensity(10), RuleSet.UC_SEVERE_NO_WEIGHT);
    }

    @Test
    @DisplayName("GC-NO-WEIGHT: a leg that cannot bear weight sends to a professional (general-clinical-guidance)")
    void noWeight() {
        Recommendation r = recommend(report().intensity(4).signs(Sign.CANNOT_BEAR_WEIGHT));
        assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(reason(r, RuleSet.GC_NO_WEIGHT).level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(r.plan().noRunningUntilSeen()).isTrue();
        assertThat(r.plan().phases()).isEmpty();
    }

    @Test
    @DisplayName("UC-INFECTION: fever with a hot, swollen hip is urgent (general-clinical-guidance)")
    void infection() {
        Recommendation r = recommend(report().warningSigns(WarningSign.FEVER_OR_UNWELL, WarningSign.HOT_SWOLLEN_HIP));
        assertThat(r.level()).isEqualTo(Level.URGENT_CARE);
        assertThat(reason(r, RuleSet.UC_INFECTION).text()).contains("infection");
        assertThat(r.reasons().get(0).rule()).isEqualTo("UC-INFECTION");
    }

    @Test
    @DisplayName("GC-FEVER: fever or feeling unwell alone sends to a professional (general-clinical-guidance)")
    void fever() {
        Recommendation r = recommend(report().warningSigns(WarningSign.FEVER_OR_UNWELL));
        assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(Contents.ruleIdsInReasons(r)).contains("GC-FEVER").doesNotContain("UC-INFECTION");
    }

    @Test
    @DisplayName("GC-HOT-SWOLLEN-HIP: a hot, swollen hip without fever sends to a professional (general-clinical-guidance)")
    void hotSwollenHip() {
        Recommendation r = recommend(report().warningSigns(WarningSign.HOT_SWOLLEN_HIP));
        assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(reason(r, RuleSet.GC_HOT_SWOLLEN_HIP).source()).isEqualTo("general-clinical-guidance");
    }

    @Test
    @DisplayName("GC-CANCER-OR-WEIGHT-LOSS: unexplained weight loss or past cancer with hip pain sends to a professional (general-clinical-guidance)")
    void cancerOrWeightLoss() {
        for (WarningSign sign : List.of(WarningSign.UNEXPLAINED_WEIGHT_LOSS, WarningSign.PAST_CANCER)) {
            Recommendation r = recommend(report().warningSigns(sign));
            assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
            assertThat(reason(r, RuleSet.GC_CANCER_OR_WEIGHT_LOSS).level()).isEqualTo(Level.SEE_PROFESSIONAL);
        }
    }

    // ---- caution ----

    @Test
    @DisplayName("CA-ACUTE: sharp, burning, 7+ or sudden pain means gentle mode and the acute-pain contraindication (release-tight-hips-guide)")
    void acute() {
        for (ReportBuilder acute : List.of(report().qualities(PainQuality.SHARP), report().qualities(PainQuality.BURNING),
                report().intensity(7), report().onset(Onset.SUDDEN_DURING_EXERCISE))) {
            Recommendation r = recommend(acute);
            assertThat(r.level()).isGreaterThanOrEqualTo(Level.SELF_CARE_WITH_CAUTION);
            assertThat(reason(r, RuleSet.CA_ACUTE).level()).isEqualTo(Level.SELF_CARE_WITH_CAUTION);
            assertThat(r.plan().gentle()).isTrue();
            assertThat(r.excluded()).anyMatch(e -> e.exercise().equals("couch-stretch") && e.condition().equals("acute-pain"));
        }
        assertDoesNotFire(report().intensity(6).qualities(PainQuality.DULL_ACHE, PainQuality.PINCHING), RuleSet.CA_ACUTE);
    }

    @Test
    @DisplayName("CA-PREGNANCY: pregnancy adds caution and the pregnancy contraindication (release-tight-hips-guide)")
    void pregnancy() {
        Recommendation r = recommend(report().history(History.PREGNANCY));
        assertThat(r.level()).isEqualTo(Level.SELF_CARE_WITH_CAUTION);
        assertThat(reason(r, RuleSet.CA_PREGNANCY).level()).isEqualTo(Level.SELF_CARE_WITH_CAUTION);
        assertThat(r.excluded()).extracting(Recommendation.Exclusion::exercise, Recommendation.Exclusion::condition)
                .containsExactly(tuple("lacrosse-ball-psoas-release", "deep-release-not-chosen"),
                        tuple("lacrosse-ball-psoas-release", "pregnancy"));
        assertThat(r.plan().gentle()).isFalse();
    }

    @Test
    @DisplayName("CA-ABDOMINAL: an abdominal condition adds caution and its contraindication (release-tight-hips-guide)")
    void abdominal() {
        Recommendation r = recommend(report().history(History.ABDOMINAL_CONDITION));
        assertThat(r.level()).isEqualTo(Level.SELF_CARE_WITH_CAUTION);
        assertThat(r.excluded()).extracting(Recommendation.Exclusion::exercise, Recommendation.Exclusion::condition)
                .containsExactly(tuple("lacrosse-ball-psoas-release", "abdominal-condition"),
                        tuple("lacrosse-ball-psoas-release", "deep-release-not-chosen"));
        assertThat(Contents.prescribedExercises(r)).doesNotContain("lacrosse-ball-psoas-release");
    }

    // ---- contraindications only ----

    @Test
    @DisplayName("CI-KNEE: knee pain excludes exercises with the knee-pain contraindication, every stretch with weight on a bent back knee among them, level unchanged (general-clinical-guidance)")
    void knee() {
        Recommendation r = recommend(report().locations(PainLocation.KNEE));
        assertThat(r.level()).isEqualTo(Level.SELF_CARE);
        assertThat(reason(r, RuleSet.CI_KNEE).level()).isEqualTo(Level.SELF_CARE);
        assertThat(r.excluded()).filteredOn(e -> e.condition().equals("knee-pain"))
                .extracting(Recommendation.Exclusion::exercise)
                .containsExactly("couch-stretch", "half-kneeling-hip-flexor-stretch", "low-lunge-side-reach",
                        "pigeon-hip-flexor-focus", "shin-boxes");
        assertThat(Contents.planExercises(r)).doesNotContain("couch-stretch", "half-kneeling-hip-flexor-stretch",
                "low-lunge-side-reach");
        assertThat(Contents.ruleIdsInReasons(r)).contains("SC-NO-RED-FLAGS");
    }

    @Test
    @DisplayName("CI-LOW-BACK: low back pain excludes the stretches that arch the lower back at end range, level unchanged (general-clinical-guidance)")
    void lowBack() {
        Recommendation r = recommend(report().locations(PainLocation.LOW_BACK));
        assertThat(r.level()).isEqualTo(Level.SELF_CARE);
        assertThat(reason(r, RuleSet.CI_LOW_BACK).level()).isEqualTo(Level.SELF_CARE);
        assertThat(r.excluded()).filteredOn(e -> e.condition().equals("low-back-pain"))
                .extracting(Recommendation.Exclusion::exercise)
                .containsExactly("couch-stretch", "pigeon-hip-flexor-focus");
        assertThat(Contents.prescribedExercises(r)).doesNotContain("couch-stretch", "pigeon-hip-flexor-focus");
        assertThat(Contents.ruleIdsExplained(r)).contains("CI-LOW-BACK");
    }

    // ---- baseline ----

    @Test
    @DisplayName("SC-NO-RED-FLAGS: without red flags or caution the level is self-care, with a reason (release-tight-hips-guide)")
    void selfCare() {
        Recommendation r = recommend(report());
        assertThat(r.level()).isEqualTo(Level.SELF_CARE);
        assertThat(r.reasons()).extracting(Reason::rule).containsExactly("SC-NO-RED-FLAGS");
        assertThat(r.plan().status()).isEqualTo(Status.START_PROTOCOL);
        assertDoesNotFire(report().history(History.PREGNANCY), RuleSet.SC_NO_RED_FLAGS);
        assertDoesNotFire(report().signs(Sign.LIMPING), RuleSet.SC_NO_RED_FLAGS);
    }
}
