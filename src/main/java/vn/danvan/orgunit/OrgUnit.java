package vn.danvan.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.danvan.shared.source.Provenance;

/** The lasting identity of a unit: its kind and its life span. What changes lives in versions. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OrgUnitKind kind;

  @Column(name = "valid_from", nullable = false)
  public LocalDate validFrom;

  @Column(name = "valid_to")
  public LocalDate validTo;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "source_system")
  public String sourceSystem;

  @Column(name = "source_id")
  public String sourceId;

  @Column(name = "source_version")
  public Long sourceVersion;

  @Column(name = "source_updated_at")
  public OffsetDateTime sourceUpdatedAt;

  @Version public long version;

  /** Where the unit comes from when another system pushed it ({@link Provenance#NONE} if not). */
  Provenance provenance() {
    return new Provenance(sourceSystem, sourceId, sourceVersion, sourceUpdatedAt);
  }

  void provenance(Provenance p) {
    sourceSystem = p.sourceSystem();
    sourceId = p.sourceId();
    sourceVersion = p.sourceVersion();
    sourceUpdatedAt = p.sourceUpdatedAt();
  }

  boolean isValidOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
  }
}
