package dev.hipflex.common.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the attributes beside the payload in {@code data}.
 * Every hipflex topic carries this envelope so that analytics can read any of them the same way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, String id, String source, String type, String time, String subject,
        String datacontenttype, String dataschema, T data) {

    public static final String SPEC_VERSION = "1.0";

    /** A new event with a fresh id, stamped now. */
    public static <T> CloudEvent<T> of(String source, String type, String subject, String dataschema, T data) {
        return of(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), source, type, subject, dataschema, data);
    }

    /**
     * An event with a given id and time: for an event that may have to be built again (after an aborted
     * send), so that every attempt is the same event.
     */
    public static <T> CloudEvent<T> of(UUID id, OffsetDateTime time, String source, String type, String subject,
            String dataschema, T data) {
        return new CloudEvent<>(SPEC_VERSION, id.toString(), source, type,
                time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), subject,
                "application/json", dataschema, data);
    }
}
