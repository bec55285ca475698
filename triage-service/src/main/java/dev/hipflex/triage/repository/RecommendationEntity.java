package dev.hipflex.triage.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A stored recommendation, indexed by report and by person, with its whole JSON: read from the
 * {@code recommendation_whole} view, which puts back the plan and extras stored apart (see {@link RecommendationStore},
 * which writes recommendations).
 */
@Entity
@Immutable
@Table(name = "recommendation_whole")
public class RecommendationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "user_id")
    public String userId;

    public String level;

    public String body;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
