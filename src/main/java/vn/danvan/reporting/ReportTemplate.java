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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A report template: its code, name and owner, and where its versions stand. The version counter is
 * the ETag of the whole template: every edit, publication and new version moves it.
 */
@Entity
@Table(name = "report_template")
public class ReportTemplate extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  @Column(name = "owner_unit_id")
  public UUID ownerUnitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "owner_unit_path", columnDefinition = "uuid[]")
  public UUID[] ownerUnitPath;

  /** The number of the latest version. */
  @Column(name = "latest_number", nullable = false)
  public int latestNumber;

  /** The status of the latest version (DRAFT or PUBLISHED). */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReportTemplateStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;
}
