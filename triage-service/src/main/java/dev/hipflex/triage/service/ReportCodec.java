package dev.hipflex.triage.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.common.events.Sha256;
import dev.hipflex.triage.domain.Recommendation;
import dev.hipflex.triage.domain.SymptomReport;
import dev.hipflex.triage.messaging.TriageEvents;

/**
 * JSON for the pipeline: the canonical JSON of a report and its hash (what makes a retry recognisable as the same
 * report), the JSON a recommendation is stored as (its plan, its extras and the rest, each apart), and the event
 * announcing it (read back from the stored JSON when a report is redelivered). Everything is written by the service's
 * ObjectMapper from records; nothing is put together by hand.
 */
@ApplicationScoped
public class ReportCodec {

    /** A recommendation's JSON without its plan and extras, which are stored apart. */
    @JsonIgnoreProperties({ "plan", "extras" })
    private interface WithoutPlanAndExtras {
    }

    private final ObjectMapper json;
    private final ObjectMapper withoutPlanAndExtras;

    public ReportCodec(ObjectMapper json) {
        this.json = json;
        this.withoutPlanAndExtras = json.copy().addMixIn(Recommendation.class, WithoutPlanAndExtras.class);
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    /** The JSON of a recommendation but for its plan and extras. */
    public String toJsonWithoutPlanAndExtras(Recommendation recommendation) {
        try {
            return withoutPlanAndExtras.writeValueAsString(recommendation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    /** The event announcing a recommendation (its facts, {@code recommendations/v2}), as UTF-8 JSON. */
    public byte[] recommendationEvent(OffsetDateTime madeAt, Recommendation recommendation) {
        try {
            return json.writeValueAsBytes(TriageEvents.recommendationMade(madeAt, recommendation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot be written as JSON", e);
        }
    }

    /** A stored recommendation read back, to be announced again. */
    public Recommendation recommendation(String storedJson) {
        try {
            return json.readValue(storedJson, Recommendation.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored recommendation that cannot be read", e);
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
