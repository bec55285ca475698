package dev.hipflex.triage.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A stored recommendation, indexed by report and by person: its own JSON, and the JSON of its plan and extras, which
 * are stored once for all the recommendations that share them ({@code recommendation_part}).
 */
@Entity
@Table(name = "recommendation")
public class RecommendationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "user_id")
    public String userId;

    public String level;

    /** The recommendation's JSON without its plan and extras; the whole JSON in rows made before they were stored apart. */
    public String body;

    /** Null in rows made before plans were stored apart. */
    @Formula("(select part.body from recommendation_part part where part.hash = plan_part)")
    public String planJson;

    @Formula("(select part.body from recommendation_part part where part.hash = extras_part)")
    public String extrasJson;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
