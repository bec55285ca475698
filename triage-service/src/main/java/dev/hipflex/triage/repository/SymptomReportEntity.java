package dev.hipflex.triage.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "symptom_report")
public class SymptomReportEntity extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "user_id")
    public String userId;

    public String body;

    @Column(name = "body_hash")
    public String bodyHash;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
