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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.danvan.shared.source.Provenance;

/**
 * One line of the reception book. The visitors are held only as ciphertext; a denouncer's identity
 * not even that: it lives in {@code reception_protected_identity}.
 */
@Entity
@Table(name = "reception_visit")
public class ReceptionVisit extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "session_id")
  public UUID sessionId;

  @Column(name = "unit_id", nullable = false)
  public UUID unitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "unit_path", columnDefinition = "uuid[]", nullable = false)
  public UUID[] unitPath;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "received_date", nullable = false)
  public LocalDate receivedDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "content_kind", nullable = false)
  public ContentKind contentKind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public VisitField field;

  @Column(nullable = false)
  public String summary;

  @Column(name = "group_size", nullable = false)
  public int groupSize;

  @Column(nullable = false)
  public int representatives;

  @Column(nullable = false)
  public boolean anonymous;

  @Column(name = "previously_handled_by")
  public String previouslyHandledBy;

  @Enumerated(EnumType.STRING)
  public VisitOutcome outcome;

  @Column(name = "transfer_target")
  public String transferTarget;

  @Column(name = "refusal_reason")
  public String refusalReason;

  @Column(name = "follow_up")
  public String followUp;

  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "visitor_data")
  public byte[] visitorData;

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

  boolean protectedIdentity() {
    return contentKind == ContentKind.DENUNCIATION;
  }
}
