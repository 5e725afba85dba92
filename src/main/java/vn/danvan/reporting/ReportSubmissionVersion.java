package vn.danvan.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A frozen version of a report, one per SUBMIT, numbered from 1: never changed except for the
 * collecting unit's decision on it.
 */
@Entity
@Table(name = "report_submission_version")
public class ReportSubmissionVersion extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "submission_id", nullable = false)
  public UUID submissionId;

  @Column(nullable = false)
  public int number;

  @Column(name = "template_number", nullable = false)
  public int templateNumber;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "\"values\"", columnDefinition = "jsonb", nullable = false)
  public Map<String, SubmissionValue> values = new HashMap<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb", nullable = false)
  public Map<String, String> narratives = new HashMap<>();

  @Column(name = "report_document_id")
  public UUID reportDocumentId;

  @Column(name = "submitted_at", nullable = false)
  public Instant submittedAt;

  @Column(name = "submitted_by", nullable = false)
  public String submittedBy;

  @Column(nullable = false)
  public boolean late;

  @Enumerated(EnumType.STRING)
  public ReportSubmissionDecision decision;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decision_comment")
  public String decisionComment;

  /** Records the collecting unit's decision. */
  void decide(ReportSubmissionDecision d, Instant at, String comment) {
    decision = d;
    decidedAt = at;
    decisionComment = comment;
  }
}
