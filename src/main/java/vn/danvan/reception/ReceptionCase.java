package vn.danvan.reception;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.danvan.shared.source.Provenance;

/** One matter (vụ việc) across visits and units, with its legal deadlines. */
@Entity
@Table(name = "reception_case")
public class ReceptionCase extends PanacheEntityBase {

  /** A recorded extension decision (ISO date as text: the JSON column holds plain values). */
  public record Extension(String decisionReference, String decisionDate, int days) {}

  @Id public UUID id;

  @Column(name = "unit_id", nullable = false)
  public UUID unitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "unit_path", columnDefinition = "uuid[]", nullable = false)
  public UUID[] unitPath;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ContentKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public VisitField field;

  @Column(nullable = false)
  public String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CaseInstance instance;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CaseStatus status;

  @Column(nullable = false)
  public boolean complex;

  @Column(name = "very_complex", nullable = false)
  public boolean veryComplex;

  @Column(name = "remote_area", nullable = false)
  public boolean remoteArea;

  @Column(name = "complex_prolonged", nullable = false)
  public boolean complexProlonged;

  @Column(name = "bypassing_levels", nullable = false)
  public boolean bypassingLevels;

  @Column(name = "group_case", nullable = false)
  public boolean group;

  @Column(name = "received_date", nullable = false)
  public LocalDate receivedDate;

  @Column(name = "accepted_date")
  public LocalDate acceptedDate;

  @Column(name = "resolved_date")
  public LocalDate resolvedDate;

  @Column(name = "resolution_decision")
  public String resolutionDecision;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb", nullable = false)
  public List<Extension> extensions = new ArrayList<>();

  @Column(name = "transferred_to")
  public String transferredTo;

  @Column(name = "closed_date")
  public LocalDate closedDate;

  @Column(name = "acceptance_due_date")
  public LocalDate acceptanceDueDate;

  @Column(name = "resolution_due_date")
  public LocalDate resolutionDueDate;

  @Column(name = "personal_data_erased_at")
  public Instant personalDataErasedAt;

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
  public Instant sourceUpdatedAt;

  @Version public long version;

  /** Where the record comes from when a source system pushed it (all null otherwise). */
  Provenance provenance() {
    return SourceFields.provenance(sourceSystem, sourceId, sourceVersion, sourceUpdatedAt);
  }

  void provenance(Provenance p) {
    sourceSystem = p.sourceSystem();
    sourceId = p.sourceId();
    sourceVersion = p.sourceVersion();
    sourceUpdatedAt = p.sourceUpdatedAt() == null ? null : p.sourceUpdatedAt().toInstant();
  }
}
