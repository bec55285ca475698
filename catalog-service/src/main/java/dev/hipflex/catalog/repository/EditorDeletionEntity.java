package dev.hipflex.catalog.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A bundled item an editor deleted, so that a later content bundle leaves it deleted. */
@Entity
@Table(name = "editor_deletion")
public class EditorDeletionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    public String slug;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
