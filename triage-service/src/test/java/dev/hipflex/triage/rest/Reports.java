package dev.hipflex.triage.rest;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hipflex.testsupport.SymptomReports;

/** Symptom report bodies as a client sends them. */
public final class Reports {

    private Reports() {
    }

    /** A desk worker's gradual, dull ache at the front of the hip and in the low back: no red flags. */
    public static Map<String, Object> deskWorker(UUID reportId, String userId) {
        Map<String, Object> report = SymptomReports.deskWorker(reportId, userId, ZoneId.of("Europe/Berlin"));
        report.put("painLocations", List.of("front-of-hip", "low-back"));
        report.put("intensity", 4);
        return report;
    }
}
