package dev.hipflex.tracking.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A person's plan, made or changed by their latest recommendation. */
@Entity
@Table(name = "plan")
public class PlanEntity extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String SEE_PROFESSIONAL_FIRST = "see-professional-first";
    public static final String PAUSED = "paused";

    @Id
    @Column(name = "user_id")
    public String userId;

    public String status;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "time_zone")
    public String timeZone;

    public String protocol;

    public String level;

    @Column(name = "report_id")
    public UUID reportId;

    /** JSON array of the recommended exercises' catalog slugs. */
    public String exercises;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** When the plan's next week closes (see WeekCloses); null while no week is due to close. */
    @Column(name = "next_week_close_at")
    public OffsetDateTime nextWeekCloseAt;
}
