package dev.hipflex.triage.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.events.Sha256;
import dev.hipflex.triage.domain.SymptomReport;

/** The canonical JSON of a report, and its hash: what makes a retry recognisable as the same report. */
@ApplicationScoped
public class ReportCodec {

    private final ObjectMapper json;

    public ReportCodec(ObjectMapper json) {
        this.json = json;
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    public String hash(SymptomReport report) {
        return hash(toJson(report));
    }

    /** The hash of a report's canonical JSON, when the caller has it already. */
    public String hash(String canonicalJson) {
        return Sha256.hex(canonicalJson);
    }
}
