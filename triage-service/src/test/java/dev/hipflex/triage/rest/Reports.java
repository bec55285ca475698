package dev.hipflex.triage.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Symptom report bodies as a client sends them. */
public final class Reports {

    private Reports() {
    }

    /** A desk worker's gradual, dull ache at the front of the hip: no red flags. */
    public static Map<String, Object> deskWorker(UUID reportId, String userId) {
        Map<String, Object> report = new HashMap<>();
        report.put("reportId", reportId.toString());
        if (userId != null) {
            report.put("userId", userId);
        }
        report.put("reportedAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).minusMinutes(5).toString());
        report.put("timeZone", "Europe/Berlin");
        report.put("painLocations", List.of("front-of-hip", "low-back"));
        report.put("side", "right");
        report.put("qualities", List.of("dull-ache", "tightness"));
        report.put("intensity", 4);
        report.put("onset", "gradual");
        report.put("daysSinceOnset", 30);
        report.put("aggravatingActivities", List.of("sitting", "standing-up"));
        report.put("signs", List.of());
        report.put("history", List.of());
        report.put("warningSigns", List.of());
        report.put("profile", Map.of("runner", false, "deskWorker", true, "hoursSittingPerDay", 10,
                "wearsRaisedHeels", false));
        return report;
    }
}
