package dev.hipflex.tracking.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A recorded session: the body as the client sent it, and the local day it counts for. */
@Entity
@Table(name = "session")
public class SessionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "local_day")
    public LocalDate localDay;

    public String body;

    @Column(name = "body_hash")
    public String bodyHash;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
