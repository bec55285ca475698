package dev.hipflex.catalog.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One catalog item as stored: its JSON body under (kind, slug). */
@Entity
@Table(name = "catalog_item")
public class CatalogItemEntity extends PanacheEntityBase {

    public static final String FROM_BUNDLE = "bundle";
    public static final String FROM_EDITOR = "editor";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    public String slug;

    public String title;

    public String body;

    public String origin;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
