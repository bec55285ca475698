package dev.hipflex.testsupport;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Symptom report bodies as an app sends them, for tests of every module. */
public final class SymptomReports {

    private SymptomReports() {
    }

    /**
     * A desk worker's gradual, dull ache at the front of the hip, reported a few minutes ago: no red flags. The map is
     * the caller's to change; {@code userId} is left out when null (the service takes the person from the token).
     */
    public static Map<String, Object> deskWorker(UUID reportId, String userId, ZoneId zone) {
        Map<String, Object> report = new HashMap<>();
        report.put("reportId", reportId.toString());
        if (userId != null) {
            report.put("userId", userId);
        }
        report.put("reportedAt", OffsetDateTime.now(zone).minusMinutes(2).toString());
        report.put("timeZone", zone.getId());
        report.put("painLocations", List.of("front-of-hip"));
        report.put("side", "right");
        report.put("qualities", List.of("dull-ache", "tightness"));
        report.put("intensity", 5);
        report.put("onset", "gradual");
        report.put("daysSinceOnset", 30);
        report.put("aggravatingActivities", List.of("sitting", "standing-up"));
        report.put("signs", List.of());
        report.put("history", List.of());
        report.put("warningSigns", List.of());
        report.put("profile", Map.of("runner", false, "deskWorker", true, "hoursSittingPerDay", 9,
                "wearsRaisedHeels", false, "wantsDeepPsoasRelease", false));
        report.put("age", 38);
        report.put("screening", noScreeningFindings());
        return report;
    }

    /** Every screening question answered, all of them no: the part of a new report that REST requires. */
    public static Map<String, Object> noScreeningFindings() {
        Map<String, Object> screening = new HashMap<>();
        screening.put("caudaEquinaSigns", List.of());
        screening.put("groinLump", "none");
        screening.put("groinLumpSigns", List.of());
        screening.put("painIntoTesticle", "none");
        screening.put("bellyPain", false);
        screening.put("painOnStraighteningTheHip", false);
        screening.put("urinarySymptoms", false);
        screening.put("medicalHistory", List.of());
        screening.put("pregnancy", "not-pregnant");
        screening.put("gaveBirthInLast3Months", false);
        screening.put("painOnlyWhenLyingOnIt", false);
        screening.put("constantPainDayAndNight", false);
        screening.put("fallSinceThePainBegan", false);
        screening.put("achingHipsWithMorningStiffness", false);
        return screening;
    }
}
