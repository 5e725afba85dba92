package vn.danvan.reporting;

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
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.danvan.shared.source.Provenance;

/**
 * One unit's report for one period of a regime (V22): the working copy of its values and narrative
 * texts, edited while a draft or returned; each SUBMIT freezes a {@link ReportSubmissionVersion}.
 */
@Entity
@Table(name = "report_submission")
public class ReportSubmission extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "regime_id", nullable = false)
  public UUID regimeId;

  @Column(nullable = false)
  public String period;

  @Column(name = "org_unit_id", nullable = false)
  public UUID orgUnitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "org_unit_path", columnDefinition = "uuid[]", nullable = false)
  public UUID[] orgUnitPath;

  @Column(name = "collecting_unit_id", nullable = false)
  public UUID collectingUnitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "collecting_unit_path", columnDefinition = "uuid[]", nullable = false)
  public UUID[] collectingUnitPath;

  @Column(nullable = false)
  public String level;

  @Column(name = "due_date", nullable = false)
  public LocalDate dueDate;

  @Column(name = "lock_date", nullable = false)
  public LocalDate lockDate;

  @Column(name = "template_id", nullable = false)
  public UUID templateId;

  @Column(name = "template_number", nullable = false)
  public int templateNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReportSubmissionStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "\"values\"", columnDefinition = "jsonb", nullable = false)
  public Map<String, SubmissionValue> values = new HashMap<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb", nullable = false)
  public Map<String, String> narratives = new HashMap<>();

  @Column(name = "report_document_id")
  public UUID reportDocumentId;

  @Column(name = "version_count", nullable = false)
  public int versionCount;

  @Column(name = "first_submitted_at")
  public Instant firstSubmittedAt;

  @Column(name = "submitted_at")
  public Instant submittedAt;

  public Boolean late;

  @Column(name = "return_comment")
  public String returnComment;

  @Column(name = "accepted_at")
  public Instant acceptedAt;

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

  /** Where the report comes from when another system pushed it (V26). */
  public Provenance provenance() {
    return new Provenance(
        sourceSystem,
        sourceId,
        sourceVersion,
        sourceUpdatedAt == null ? null : sourceUpdatedAt.atOffset(ZoneOffset.UTC));
  }

  void provenance(Provenance p) {
    sourceSystem = p.sourceSystem();
    sourceId = p.sourceId();
    sourceVersion = p.sourceVersion();
    sourceUpdatedAt = p.sourceUpdatedAt() == null ? null : p.sourceUpdatedAt().toInstant();
  }
}
