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
import dev.hipflex.triage.domain.SymptomReport.CaudaEquinaSign;
import dev.hipflex.triage.domain.SymptomReport.GroinLump;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.LumpSign;
import dev.hipflex.triage.domain.SymptomReport.MedicalHistory;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainIntoTesticle;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Pregnancy;
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
            assertThat(rule.id()).matches("(RF|GC|UC|WK|RT|NA|CA|CI|SC)-[A-Z0-9-]+");
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
    @DisplayName("RF-NO-IMPROVEMENT: pain no lower than where it started after 4 weeks of consistent work sends to a professional, routinely (release-tight-hips-guide)")
    void noImprovement() {
        assertRedFlag(report().weeksOfWork(4).startingIntensity(1).intensity(1), RuleSet.RF_NO_IMPROVEMENT,
                "no-improvement-after-4-6-weeks", "labral-tear", "femoroacetabular-impingement", "iliopsoas-bursitis",
                "nerve-entrapment");
        Recommendation r = recommend(report().weeksOfWork(6).startingIntensity(3));
        assertThat(r.plan().status()).isEqualTo(Status.SEE_PROFESSIONAL_FIRST);
        assertThat(r.plan().gentle()).isTrue();
    }

    @Test
    @DisplayName("RF-NO-IMPROVEMENT: not before 4 weeks, not without pain, not when weeks are unknown (release-tight-hips-guide)")
    void noImprovementBoundaries() {
        assertDoesNotFire(report().weeksOfWork(3).startingIntensity(9).intensity(9), RuleSet.RF_NO_IMPROVEMENT);
        assertDoesNotFire(report().weeksOfWork(8).startingIntensity(5).intensity(0), RuleSet.RF_NO_IMPROVEMENT);
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
    @DisplayName("RF-MECHANICAL: painful clicking, catching or locking sends to a professional; a snapping quality "
            + "alone is self-care (release-tight-hips-guide)")
    void mechanical() {
        assertRedFlag(report().signs(Sign.CLICKING_CATCHING_LOCKING), RuleSet.RF_MECHANICAL,
                "clicking-catching-or-locking", "labral-tear", "femoroacetabular-impingement");
        Recommendation r = recommend(report().signs(Sign.CLICKING_CATCHING_LOCKING));
        assertThat(r.plan().status()).isEqualTo(Status.SEE_PROFESSIONAL_FIRST);
        assertThat(Contents.planExercises(r)).containsExactly("supine-passive-hip-flexor-stretch", "glute-bridge-hold",
                "dead-bug");
        // A snapping hip is common and harmless: the quality alone is not a flag.
        ReportBuilder snapping = report().qualities(PainQuality.SNAPPING);
        assertDoesNotFire(snapping, RuleSet.RF_MECHANICAL);
        Recommendation snaps = recommend(snapping);
        assertThat(snaps.level()).isEqualTo(Level.SELF_CARE);
        assertThat(snaps.reasons()).extracting(Reason::rule).containsExactly("SC-NO-RED-FLAGS");
        assertThat(snaps.referral()).isNull();
        assertThat(snaps.plan().status()).isEqualTo(Status.START_PROTOCOL);
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
        assertThat(r.excluded()).allMatch(e -> e.condition().equals("hip-surgery-or-structural-issue"));
        assertThat(r.plan().status()).isEqualTo(Status.ON_HOLD_UNTIL_SEEN);
    }

    // ---- general clinical guidance ----

    @Test
    @DisplayName("GC-BONE-STRESS: pain on hopping, or a runner's constant pain day and night: possible stress fracture, no running, within a week (general-clinical-guidance)")
    void boneStress() {
        for (ReportBuilder stress : List.of(report().warningSigns(WarningSign.PAIN_WHEN_HOPPING),
                report().runner(true).constantPainDayAndNight(true),
                report().runner(true).warningSigns(WarningSign.NIGHT_OR_REST_PAIN))) {
            Recommendation r = recommend(stress);
            assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
            assertThat(r.referral().urgency()).isEqualTo(Urgency.WITHIN_A_WEEK);
            Reason reason = reason(r, RuleSet.GC_BONE_STRESS);
            assertThat(reason.source()).isEqualTo("general-clinical-guidance");
            assertThat(reason.text()).contains("stress fracture").contains("No running");
            assertThat(r.plan().noRunningUntilSeen()).isTrue();
            assertThat(r.plan().status()).isEqualTo(Status.ON_HOLD_UNTIL_SEEN);
            assertThat(r.extras().runner()).isNull();
        }
        // Pain only when lying on the sore side is common, not a flag.
        assertDoesNotFire(report().runner(true).painOnlyWhenLyingOnIt(true), RuleSet.GC_BONE_STRESS);
        assertThat(recommend(report().runner(true).painOnlyWhenLyingOnIt(true)).level()).isEqualTo(Level.SELF_CARE);
    }

    @Test
    @DisplayName("CA-RUNNING-LOAD: a jump in running load alone lowers the running, the exercises go on (runners-chronic-hip-flexor-pain)")
    void runningLoadJumpAlone() {
        Recommendation r = recommend(report().runner(true).warningSigns(WarningSign.RECENT_BIG_JUMP_IN_RUNNING_LOAD));
        assertThat(r.level()).isEqualTo(Level.SELF_CARE_WITH_CAUTION);
        assertThat(reason(r, RuleSet.CA_RUNNING_LOAD).text()).contains("build up again");
        assertThat(r.plan().status()).isEqualTo(Status.START_WITH_CARE);
        assertThat(r.plan().noRunningUntilSeen()).isFalse();
        assertThat(Contents.prescribedExercises(r)).isNotEmpty();
        assertThat(r.extras().runner()).isNotNull();
        assertThat(r.referral()).isNull();
    }

    @Test
    @DisplayName("GC-CONSTANT-PAIN: constant pain day and night, not eased by rest, sends to a professional routinely (general-clinical-guidance)")
    void constantPain() {
        Recommendation r = recommend(report().constantPainDayAndNight(true));
        assertThat(r.level()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(r.referral().urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(Contents.ruleIdsInReasons(r)).contains("GC-CONSTANT-PAIN").doesNotContain("GC-BONE-STRESS");
        assertDoesNotFire(report().painOnlyWhenLyingOnIt(true), RuleSet.GC_CONSTANT_PAIN);
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

    /** Urgent care today, with the what-to-do words, no exercises, and the rule's reason. */
    private static void assertToday(ReportBuilder report, Rule rule) {
        Recommendation r = recommend(report);
        assertThat(rule.appliesTo(report.build())).as(rule.id()).isTrue();
        assertThat(r.level()).as(rule.id()).isEqualTo(Level.URGENT_CARE);
        assertThat(r.referral().urgency()).isEqualTo(Urgency.TODAY);
        assertThat(r.referral().whatToDo()).contains("emergency department");
        assertThat(reason(r, rule).level()).isEqualTo(Level.URGENT_CARE);
        assertThat(reason(r, rule).source()).isEqualTo("general-clinical-guidance");
        assertThat(r.plan().status()).isEqualTo(Status.SEEK_CARE_NOW);
        assertThat(Contents.prescribedExercises(r)).isEmpty();
    }

    /** A referral within a week, with the rule's reason. */
    private static void assertWithinAWeek(ReportBuilder report, Rule rule) {
        Recommendation r = recommend(report);
        assertThat(rule.appliesTo(report.build())).as(rule.id()).isTrue();
        assertThat(r.level()).as(rule.id()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(r.referral().urgency()).as(rule.id()).isEqualTo(Urgency.WITHIN_A_WEEK);
        assertThat(r.referral().whatToDo()).startsWith("Within a week");
        assertThat(reason(r, rule).level()).isEqualTo(Level.SEE_PROFESSIONAL);
    }

    /** A routine referral, with the rule's reason. */
    private static void assertRoutine(ReportBuilder report, Rule rule) {
        Recommendation r = recommend(report);
        assertThat(rule.appliesTo(report.build())).as(rule.id()).isTrue();
        assertThat(r.level()).as(rule.id()).isEqualTo(Level.SEE_PROFESSIONAL);
        assertThat(r.referral().urgency()).as(rule.id()).isEqualTo(Urgency.ROUTINE);
        assertThat(r.referral().whatToDo()).startsWith("Routine");
        assertThat(reason(r, rule).level()).isEqualTo(Level.SEE_PROFESSIONAL);
    }

    @Test
    @DisplayName("UC-CAUDA-EQUINA: saddle numbness, a new bladder or bowel change, or symptoms in both legs: urgent care today (general-clinical-guidance)")
    void caudaEquina() {
        for (CaudaEquinaSign sign : CaudaEquinaSign.values()) {
            assertToday(report().locations(PainLocation.LOW_BACK).caudaEquinaSigns(sign), RuleSet.UC_CAUDA_EQUINA);
        }
        assertDoesNotFire(report().signs(Sign.NUMBNESS), RuleSet.UC_CAUDA_EQUINA);
    }

    @Test
    @DisplayName("UC-NO-WEIGHT: a leg that cannot bear weight, with or without a fall and at any pain, is urgent today (general-clinical-guidance)")
    void noWeight() {
        assertToday(report().intensity(4).signs(Sign.CANNOT_BEAR_WEIGHT), RuleSet.UC_NO_WEIGHT);
        assertToday(report().intensity(7).signs(Sign.CANNOT_BEAR_WEIGHT)
                .warningSigns(WarningSign.RECENT_FALL_OR_INJURY), RuleSet.UC_NO_WEIGHT);
        assertDoesNotFire(report().signs(Sign.LIMPING), RuleSet.UC_NO_WEIGHT);
    }

    @Test
    @DisplayName("UC-FALL: a fall since the pain began at 50 or over, or with steroids or osteoporosis, is urgent even while walking (general-clinical-guidance)")
    void fallOlderOrFragile() {
        assertToday(report().age(68).fallSinceThePainBegan(true), RuleSet.UC_FALL);
        assertToday(report().age(50).warningSigns(WarningSign.RECENT_FALL_OR_INJURY), RuleSet.UC_FALL);
        assertToday(report().age(30).fallSinceThePainBegan(true).medicalHistory(MedicalHistory.LONG_TERM_STEROIDS),
                RuleSet.UC_FALL);
        assertToday(report().age(44).fallSinceThePainBegan(true).medicalHistory(MedicalHistory.OSTEOPOROSIS),
                RuleSet.UC_FALL);
        assertDoesNotFire(report().age(49).fallSinceThePainBegan(true), RuleSet.UC_FALL);
        assertDoesNotFire(report().age(80), RuleSet.UC_FALL);
    }

    @Test
    @DisplayName("UC-CHILD: under 18 with a limp, a leg that will not take weight or a fever is urgent today (general-clinical-guidance)")
    void childUrgent() {
        assertToday(report().age(12).signs(Sign.LIMPING), RuleSet.UC_CHILD);
        assertToday(report().age(17).warningSigns(WarningSign.FEVER_OR_UNWELL), RuleSet.UC_CHILD);
        assertDoesNotFire(report().age(18).signs(Sign.LIMPING), RuleSet.UC_CHILD);
    }

    @Test
    @DisplayName("UC-TESTICLE: sudden groin pain into the testicle is urgent today (general-clinical-guidance)")
    void testicleSudden() {
        assertToday(report().locations(PainLocation.GROIN).painIntoTesticle(PainIntoTesticle.CAME_ON_SUDDENLY),
                RuleSet.UC_TESTICLE);
        assertDoesNotFire(report().painIntoTesticle(PainIntoTesticle.CAME_ON_GRADUALLY), RuleSet.UC_TESTICLE);
    }

    @Test
    @DisplayName("UC-GROIN-LUMP: a painful groin lump that stays out, or a lump with vomiting, is urgent today (general-clinical-guidance)")
    void groinLumpStuck() {
        assertToday(report().groinLump(GroinLump.STAYS_OUT, LumpSign.PAINFUL), RuleSet.UC_GROIN_LUMP);
        assertToday(report().groinLump(GroinLump.GOES_BACK_IN, LumpSign.WITH_VOMITING), RuleSet.UC_GROIN_LUMP);
        assertDoesNotFire(report().groinLump(GroinLump.GOES_BACK_IN, LumpSign.PAINFUL), RuleSet.UC_GROIN_LUMP);
    }

    @Test
    @DisplayName("UC-PULSING-LUMP: a groin lump that pulses is urgent today (general-clinical-guidance)")
    void pulsingLump() {
        assertToday(report().groinLump(GroinLump.GOES_BACK_IN, LumpSign.PULSES), RuleSet.UC_PULSING_LUMP);
        assertDoesNotFire(report().groinLump(GroinLump.STAYS_OUT), RuleSet.UC_PULSING_LUMP);
    }

    @Test
    @DisplayName("UC-PSOAS-ABSCESS: fever with belly pain and pain on straightening the hip is urgent today (general-clinical-guidance)")
    void psoasAbscess() {
        assertToday(report().warningSigns(WarningSign.FEVER_OR_UNWELL).bellyPain(true).painOnStraighteningTheHip(true),
                RuleSet.UC_PSOAS_ABSCESS);
        assertDoesNotFire(report().bellyPain(true).painOnStraighteningTheHip(true), RuleSet.UC_PSOAS_ABSCESS);
    }

    @Test
    @DisplayName("WK-CHILD: under 18 with knee, thigh, groin or hip pain sees a doctor within a week, exercises held (general-clinical-guidance)")
    void childWithinAWeek() {
        assertWithinAWeek(report().age(13).locations(PainLocation.KNEE), RuleSet.WK_CHILD);
        assertThat(recommend(report().age(13).locations(PainLocation.KNEE)).plan().status())
                .isEqualTo(Status.ON_HOLD_UNTIL_SEEN);
        assertDoesNotFire(report().age(13).locations(PainLocation.LOW_BACK), RuleSet.WK_CHILD);
        assertDoesNotFire(report().age(18).locations(PainLocation.KNEE), RuleSet.WK_CHILD);
    }

    @Test
    @DisplayName("WK-CANCER-WITH-CONSTANT-PAIN: a past cancer or weight loss with constant pain, within a week (general-clinical-guidance)")
    void cancerWithConstantPain() {
        assertWithinAWeek(report().warningSigns(WarningSign.PAST_CANCER).constantPainDayAndNight(true),
                RuleSet.WK_CANCER_WITH_CONSTANT_PAIN);
        assertRoutine(report().warningSigns(WarningSign.UNEXPLAINED_WEIGHT_LOSS), RuleSet.GC_CANCER_OR_WEIGHT_LOSS);
    }

    @Test
    @DisplayName("WK-PREGNANCY: from 28 weeks, or within 3 months of birth, with groin pain or a limp, within a week (general-clinical-guidance)")
    void latePregnancy() {
        assertWithinAWeek(report().pregnancy(Pregnancy.PREGNANT, 29).locations(PainLocation.GROIN),
                RuleSet.WK_PREGNANCY);
        assertWithinAWeek(report().gaveBirthInLast3Months(true).signs(Sign.LIMPING), RuleSet.WK_PREGNANCY);
        assertDoesNotFire(report().pregnancy(Pregnancy.PREGNANT, 27).locations(PainLocation.GROIN),
                RuleSet.WK_PREGNANCY);
    }

    @Test
    @DisplayName("WK-STIFF-HIPS-AND-SHOULDERS: 50 or over with both hips aching and long morning stiffness, within a week (general-clinical-guidance)")
    void polymyalgia() {
        assertWithinAWeek(report().age(61).achingHipsWithMorningStiffness(true), RuleSet.WK_STIFF_HIPS_AND_SHOULDERS);
        assertDoesNotFire(report().age(45).achingHipsWithMorningStiffness(true), RuleSet.WK_STIFF_HIPS_AND_SHOULDERS);
    }

    @Test
    @DisplayName("WK-TESTICLE: pain into a testicle that came on gradually, within a week (general-clinical-guidance)")
    void testicleGradual() {
        assertWithinAWeek(report().painIntoTesticle(PainIntoTesticle.CAME_ON_GRADUALLY), RuleSet.WK_TESTICLE);
    }

    @Test
    @DisplayName("WK-GROIN-LUMP: a groin lump that stays out, or a tender one, within a week (general-clinical-guidance)")
    void groinLumpWithinAWeek() {
        assertWithinAWeek(report().groinLump(GroinLump.STAYS_OUT), RuleSet.WK_GROIN_LUMP);
        assertWithinAWeek(report().groinLump(GroinLump.GOES_BACK_IN, LumpSign.PAINFUL), RuleSet.WK_GROIN_LUMP);
    }

    @Test
    @DisplayName("RT-GROIN-LUMP: a groin lump that goes back in and is not tender, routine (general-clinical-guidance)")
    void groinLumpRoutine() {
        assertRoutine(report().groinLump(GroinLump.GOES_BACK_IN), RuleSet.RT_GROIN_LUMP);
        assertThat(recommend(report().groinLump(GroinLump.GOES_BACK_IN)).plan().status())
                .isEqualTo(Status.SEE_PROFESSIONAL_FIRST);
    }

    @Test
    @DisplayName("RT-BELLY-OR-URINARY: belly pain or urinary symptoms, routine (general-clinical-guidance)")
    void bellyOrUrinary() {
        assertRoutine(report().urinarySymptoms(true), RuleSet.RT_BELLY_OR_URINARY);
        assertRoutine(report().bellyPain(true), RuleSet.RT_BELLY_OR_URINARY);
    }

    @Test
    @DisplayName("NA-NOT-ASKED: a report without screening answers is triaged, and says what was not asked (general-clinical-guidance)")
    void notAsked() {
        Recommendation r = recommend(report().notScreened().age(null));
        assertThat(r.level()).isEqualTo(Level.SELF_CARE);
        assertThat(reason(r, RuleSet.NA_NOT_ASKED).text()).contains("did not answer");
        assertThat(r.notAsked()).contains("age", "screening.caudaEquinaSigns", "screening.groinLump");
        assertThat(recommend(report()).notAsked()).isEmpty();
        assertThat(recommend(report().weeksOfWork(5)).notAsked()).containsExactly("startingIntensity");
        assertDoesNotFire(report(), RuleSet.NA_NOT_ASKED);
    }

    @Test
    @DisplayName("the deep psoas release is in a plan only when asked for and allowed, and left out with a reason otherwise")
    void deepReleaseOptIn() {
        assertThat(Contents.prescribedExercises(recommend(report()))).doesNotContain("lacrosse-ball-psoas-release");
        assertThat(Contents.skipped(recommend(report()))).anyMatch(skipped -> skipped.exercise()
                .equals("lacrosse-ball-psoas-release") && skipped.reason() == Recommendation.SkipReason.ON_REQUEST_ONLY);
        assertThat(Contents.prescribedExercises(recommend(report().wantsDeepPsoasRelease(true))))
                .contains("lacrosse-ball-psoas-release");
        for (ReportBuilder unsafe : List.of(report().age(50), report().medicalHistory(MedicalHistory.BLOOD_THINNERS),
                report().medicalHistory(MedicalHistory.VASCULAR_DISEASE),
                report().medicalHistory(MedicalHistory.INFLAMMATORY_BOWEL_DISEASE),
                report().medicalHistory(MedicalHistory.RECENT_ABDOMINAL_OR_PELVIC_SURGERY),
                report().pregnancy(Pregnancy.POSSIBLY_PREGNANT, null), report().pregnancy(Pregnancy.PREGNANT, 8),
                report().age(null), report().notScreened())) {
            Recommendation r = recommend(unsafe.wantsDeepPsoasRelease(true));
            assertThat(Contents.prescribedExercises(r)).doesNotContain("lacrosse-ball-psoas-release");
            assertThat(r.excluded()).anyMatch(e -> e.exercise().equals("lacrosse-ball-psoas-release")
                    && !e.reason().isBlank());
        }
    }

    @Test
    @DisplayName("from 20 weeks of pregnancy no long holds lying flat on the back")
    void noLongHoldsOnTheBackFrom20Weeks() {
        Recommendation r = recommend(report().pregnancy(Pregnancy.PREGNANT, 20));
        assertThat(r.excluded()).filteredOn(e -> e.condition().equals("pregnancy-from-20-weeks"))
                .extracting(Recommendation.Exclusion::exercise)
                .containsExactly("double-lacrosse-ball-lumbar-release", "supine-passive-hip-flexor-stretch");
        assertThat(Contents.prescribedExercises(r)).doesNotContain("supine-passive-hip-flexor-stretch");
        assertThat(recommend(report().pregnancy(Pregnancy.PREGNANT, 19)).excluded())
                .noneMatch(e -> e.condition().equals("pregnancy-from-20-weeks"));
    }

    @Test
    @DisplayName("UC-INFECTION: fever with a hot, swollen hip, a limp or a leg that will not take weight is urgent today (general-clinical-guidance)")
    void infection() {
        assertToday(report().warningSigns(WarningSign.FEVER_OR_UNWELL).signs(Sign.LIMPING), RuleSet.UC_INFECTION);
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
        assertThat(r.referral().urgency()).isEqualTo(Urgency.WITHIN_A_WEEK);
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
                .containsExactly(tuple("lacrosse-ball-psoas-release", "pregnancy"));
        assertThat(r.plan().gentle()).isFalse();
    }

    @Test
    @DisplayName("CA-ABDOMINAL: an abdominal condition adds caution and its contraindication (release-tight-hips-guide)")
    void abdominal() {
        Recommendation r = recommend(report().history(History.ABDOMINAL_CONDITION));
        assertThat(r.level()).isEqualTo(Level.SELF_CARE_WITH_CAUTION);
        assertThat(r.excluded()).extracting(Recommendation.Exclusion::exercise, Recommendation.Exclusion::condition)
                .containsExactly(tuple("lacrosse-ball-psoas-release", "abdominal-condition"));
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
