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

/** A reception day (buổi tiếp công dân) of a unit. */
@Entity
@Table(name = "reception_session")
public class ReceptionSession extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "unit_id", nullable = false)
  public UUID unitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "unit_path", columnDefinition = "uuid[]", nullable = false)
  public UUID[] unitPath;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SessionKind kind;

  @Column(name = "session_date", nullable = false)
  public LocalDate sessionDate;

  public String venue;

  @Column(name = "host_name", nullable = false)
  public String hostName;

  @Column(name = "host_title")
  public String hostTitle;

  @Enumerated(EnumType.STRING)
  @Column(name = "host_role", nullable = false)
  public HostRole hostRole;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb", nullable = false)
  public List<String> officials = new ArrayList<>();

  public String note;

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
