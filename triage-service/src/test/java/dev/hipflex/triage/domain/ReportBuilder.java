package dev.hipflex.triage.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.hipflex.triage.domain.SymptomReport.Activity;
import dev.hipflex.triage.domain.SymptomReport.CaudaEquinaSign;
import dev.hipflex.triage.domain.SymptomReport.GroinLump;
import dev.hipflex.triage.domain.SymptomReport.History;
import dev.hipflex.triage.domain.SymptomReport.LumpSign;
import dev.hipflex.triage.domain.SymptomReport.MedicalHistory;
import dev.hipflex.triage.domain.SymptomReport.Onset;
import dev.hipflex.triage.domain.SymptomReport.PainLocation;
import dev.hipflex.triage.domain.SymptomReport.PainIntoTesticle;
import dev.hipflex.triage.domain.SymptomReport.PainQuality;
import dev.hipflex.triage.domain.SymptomReport.Pregnancy;
import dev.hipflex.triage.domain.SymptomReport.Profile;
import dev.hipflex.triage.domain.SymptomReport.Screening;
import dev.hipflex.triage.domain.SymptomReport.Side;
import dev.hipflex.triage.domain.SymptomReport.Sign;
import dev.hipflex.triage.domain.SymptomReport.WarningSign;

/**
 * Valid symptom reports for tests. The default is a plain, flag-free case: tight front of hip, mild, gradual, a
 * 35-year-old who answers no to every screening question.
 */
final class ReportBuilder {

    private UUID reportId = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private String userId = "user-1";
    private OffsetDateTime reportedAt = OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneOffset.ofHours(1));
    private String timeZone = "Europe/Berlin";
    private Set<PainLocation> painLocations = EnumSet.of(PainLocation.FRONT_OF_HIP);
    private Side side = Side.LEFT;
    private Set<PainQuality> qualities = EnumSet.of(PainQuality.TIGHTNESS);
    private int intensity = 3;
    private Onset onset = Onset.GRADUAL;
    private int daysSinceOnset = 30;
    private Set<Activity> activities = EnumSet.noneOf(Activity.class);
    private Set<Sign> signs = EnumSet.noneOf(Sign.class);
    private Set<History> history = EnumSet.noneOf(History.class);
    private Set<WarningSign> warningSigns = EnumSet.noneOf(WarningSign.class);
    private Boolean runner = false;
    private Boolean deskWorker = false;
    private Integer hoursSitting = 2;
    private Integer shoeAgeMonths;
    private Boolean raisedHeels = false;
    private Integer weeksOfWork;
    private Boolean wantsDeepPsoasRelease = false;
    private Integer age = 35;
    private Integer startingIntensity;
    private boolean screened = true;
    private Set<CaudaEquinaSign> caudaEquinaSigns = EnumSet.noneOf(CaudaEquinaSign.class);
    private GroinLump groinLump = GroinLump.NONE;
    private Set<LumpSign> lumpSigns = EnumSet.noneOf(LumpSign.class);
    private PainIntoTesticle painIntoTesticle = PainIntoTesticle.NONE;
    private Boolean bellyPain = false;
    private Boolean painOnStraightening = false;
    private Boolean urinarySymptoms = false;
    private Set<MedicalHistory> medicalHistory = EnumSet.noneOf(MedicalHistory.class);
    private Pregnancy pregnancy = Pregnancy.NOT_PREGNANT;
    private Integer pregnancyWeeks;
    private Boolean gaveBirthRecently = false;
    private Boolean painOnlyWhenLyingOnIt = false;
    private Boolean constantPain = false;
    private Boolean fallSincePainBegan = false;
    private Boolean achingHipsStiffMornings = false;

    static ReportBuilder report() {
        return new ReportBuilder();
    }

    static ReportBuilder from(SymptomReport r) {
        ReportBuilder b = new ReportBuilder();
        b.reportId = r.reportId();
        b.userId = r.userId();
        b.reportedAt = r.reportedAt();
        b.timeZone = r.timeZone();
        b.painLocations = new HashSet<>(r.painLocations());
        b.side = r.side();
        b.qualities = new HashSet<>(r.qualities());
        b.intensity = r.intensity();
        b.onset = r.onset();
        b.daysSinceOnset = r.daysSinceOnset();
        b.activities = new HashSet<>(r.aggravatingActivities());
        b.signs = new HashSet<>(r.signs());
        b.history = new HashSet<>(r.history());
        b.warningSigns = new HashSet<>(r.warningSigns());
        b.runner = r.profile().runner();
        b.deskWorker = r.profile().deskWorker();
        b.hoursSitting = r.profile().hoursSittingPerDay();
        b.shoeAgeMonths = r.profile().runningShoeAgeMonths();
        b.raisedHeels = r.profile().wearsRaisedHeels();
        b.weeksOfWork = r.weeksOfConsistentWork();
        b.wantsDeepPsoasRelease = r.profile().wantsDeepPsoasRelease();
        b.age = r.age();
        b.startingIntensity = r.startingIntensity();
        b.screened = r.screening() != null;
        Screening s = r.screening() == null ? Screening.NOT_ASKED : r.screening();
        b.caudaEquinaSigns = copy(CaudaEquinaSign.class, s.caudaEquinaSigns());
        b.groinLump = s.groinLump();
        b.lumpSigns = copy(LumpSign.class, s.groinLumpSigns());
        b.painIntoTesticle = s.painIntoTesticle();
        b.bellyPain = s.bellyPain();
        b.painOnStraightening = s.painOnStraighteningTheHip();
        b.urinarySymptoms = s.urinarySymptoms();
        b.medicalHistory = copy(MedicalHistory.class, s.medicalHistory());
        b.pregnancy = s.pregnancy();
        b.pregnancyWeeks = s.pregnancyWeeks();
        b.gaveBirthRecently = s.gaveBirthInLast3Months();
        b.painOnlyWhenLyingOnIt = s.painOnlyWhenLyingOnIt();
        b.constantPain = s.constantPainDayAndNight();
        b.fallSincePainBegan = s.fallSinceThePainBegan();
        b.achingHipsStiffMornings = s.achingHipsWithMorningStiffness();
        return b;
    }

    ReportBuilder locations(PainLocation... values) {
        painLocations = set(PainLocation.class, values);
        return this;
    }

    ReportBuilder qualities(PainQuality... values) {
        qualities = set(PainQuality.class, values);
        return this;
    }

    ReportBuilder intensity(int value) {
        intensity = value;
        return this;
    }

    ReportBuilder onset(Onset value) {
        onset = value;
        return this;
    }

    ReportBuilder daysSinceOnset(int value) {
        daysSinceOnset = value;
        return this;
    }

    ReportBuilder activities(Activity... values) {
        activities = set(Activity.class, values);
        return this;
    }

    ReportBuilder signs(Sign... values) {
        signs = set(Sign.class, values);
        return this;
    }

    ReportBuilder addSign(Sign value) {
        signs.add(value);
        return this;
    }

    ReportBuilder history(History... values) {
        history = set(History.class, values);
        return this;
    }

    ReportBuilder addHistory(History value) {
        history.add(value);
        return this;
    }

    ReportBuilder warningSigns(WarningSign... values) {
        warningSigns = set(WarningSign.class, values);
        return this;
    }

    ReportBuilder addWarningSign(WarningSign value) {
        warningSigns.add(value);
        return this;
    }

    ReportBuilder runner(boolean value) {
        runner = value;
        return this;
    }

    ReportBuilder deskWorker(boolean value) {
        deskWorker = value;
        return this;
    }

    ReportBuilder hoursSitting(Integer value) {
        hoursSitting = value;
        return this;
    }

    ReportBuilder shoeAgeMonths(Integer value) {
        shoeAgeMonths = value;
        return this;
    }

    ReportBuilder raisedHeels(boolean value) {
        raisedHeels = value;
        return this;
    }

    ReportBuilder weeksOfWork(Integer value) {
        weeksOfWork = value;
        return this;
    }

    ReportBuilder wantsDeepPsoasRelease(Boolean value) {
        wantsDeepPsoasRelease = value;
        return this;
    }

    ReportBuilder age(Integer value) {
        age = value;
        return this;
    }

    ReportBuilder startingIntensity(Integer value) {
        startingIntensity = value;
        return this;
    }

    /**
     * A report whose producer asked none of the screening questions (as other producers on the topic may send).
     * Setting one answer afterwards gives a report with that answer and the others as they were.
     */
    ReportBuilder notScreened() {
        screened = false;
        return this;
    }

    ReportBuilder caudaEquinaSigns(CaudaEquinaSign... values) {
        screened = true;
        caudaEquinaSigns = set(CaudaEquinaSign.class, values);
        return this;
    }

    ReportBuilder groinLump(GroinLump lump, LumpSign... signs) {
        screened = true;
        groinLump = lump;
        lumpSigns = set(LumpSign.class, signs);
        return this;
    }

    ReportBuilder painIntoTesticle(PainIntoTesticle value) {
        screened = true;
        painIntoTesticle = value;
        return this;
    }

    ReportBuilder bellyPain(Boolean value) {
        screened = true;
        bellyPain = value;
        return this;
    }

    ReportBuilder painOnStraighteningTheHip(Boolean value) {
        screened = true;
        painOnStraightening = value;
        return this;
    }

    ReportBuilder urinarySymptoms(Boolean value) {
        screened = true;
        urinarySymptoms = value;
        return this;
    }

    ReportBuilder medicalHistory(MedicalHistory... values) {
        screened = true;
        medicalHistory = set(MedicalHistory.class, values);
        return this;
    }

    ReportBuilder pregnancy(Pregnancy value, Integer weeks) {
        screened = true;
        pregnancy = value;
        pregnancyWeeks = weeks;
        return this;
    }

    ReportBuilder gaveBirthInLast3Months(Boolean value) {
        screened = true;
        gaveBirthRecently = value;
        return this;
    }

    ReportBuilder painOnlyWhenLyingOnIt(Boolean value) {
        screened = true;
        painOnlyWhenLyingOnIt = value;
        return this;
    }

    ReportBuilder constantPainDayAndNight(Boolean value) {
        screened = true;
        constantPain = value;
        return this;
    }

    ReportBuilder fallSinceThePainBegan(Boolean value) {
        screened = true;
        fallSincePainBegan = value;
        return this;
    }

    ReportBuilder achingHipsWithMorningStiffness(Boolean value) {
        screened = true;
        achingHipsStiffMornings = value;
        return this;
    }

    /** Copies every set, so that later changes to this builder do not leak into the report. */
    SymptomReport build() {
        return new SymptomReport(reportId, userId, reportedAt, timeZone, Set.copyOf(painLocations), side,
                Set.copyOf(qualities), intensity, onset, daysSinceOnset, Set.copyOf(activities), Set.copyOf(signs),
                Set.copyOf(history), Set.copyOf(warningSigns),
                new Profile(runner, deskWorker, hoursSitting, shoeAgeMonths, raisedHeels, wantsDeepPsoasRelease),
                weeksOfWork, age, startingIntensity, screened ? screening() : null);
    }

    private Screening screening() {
        return new Screening(copyOrNull(caudaEquinaSigns), groinLump, copyOrNull(lumpSigns), painIntoTesticle, bellyPain,
                painOnStraightening, urinarySymptoms, copyOrNull(medicalHistory), pregnancy, pregnancyWeeks,
                gaveBirthRecently, painOnlyWhenLyingOnIt, constantPain, fallSincePainBegan, achingHipsStiffMornings);
    }

    private static <E> Set<E> copyOrNull(Set<E> values) {
        return values == null ? null : Set.copyOf(values);
    }

    private static <E extends Enum<E>> Set<E> copy(Class<E> type, Set<E> values) {
        if (values == null) {
            return null;
        }
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return set;
    }

    @SafeVarargs
    private static <E extends Enum<E>> Set<E> set(Class<E> type, E... values) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(Arrays.asList(values));
        return set;
    }
}
