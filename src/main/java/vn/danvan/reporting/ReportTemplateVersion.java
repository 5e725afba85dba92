package vn.danvan.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a template: its content (sections and indicators, one validated JSON document) and
 * its status. A draft is edited in place; a published version never changes again except to become
 * superseded.
 */
@Entity
@Table(name = "report_template_version")
public class ReportTemplateVersion extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "template_id", nullable = false)
  public UUID templateId;

  @Column(nullable = false)
  public int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReportTemplateStatus status;

  @Column(nullable = false)
  public String name;

  @Column(name = "name_en")
  public String nameEn;

  public String description;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb", nullable = false)
  public List<TemplateSection> sections = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "published_at")
  public Instant publishedAt;

  /** Freezes the draft. */
  void publish(Instant at) {
    status = ReportTemplateStatus.PUBLISHED;
    publishedAt = at;
    updatedAt = at;
  }
}
