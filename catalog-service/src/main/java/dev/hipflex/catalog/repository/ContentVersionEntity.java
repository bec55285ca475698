package dev.hipflex.catalog.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One recorded content version: the hash of all items after a change, and why it changed. */
@Entity
@Table(name = "content_version")
public class ContentVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String version;

    @Column(name = "bundle_hash")
    public String bundleHash;

    public String reason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
