package dev.hipflex.triage.messaging;

/** A record on {@code symptom-reports} that cannot be read or fails validation: it goes to the dead-letter topic with this message as the reason. */
public class InvalidReportException extends RuntimeException {

    public InvalidReportException(String reason) {
        super(reason);
    }
}
