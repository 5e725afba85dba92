package vn.danvan.dialogue;

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

/** A dialogue conference of a commune-level authority with the people. */
@Entity
@Table(name = "dialogue")
public class Dialogue extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "unit_id", nullable = false)
  public UUID unitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "unit_path", columnDefinition = "uuid[]", nullable = false)
  public UUID[] unitPath;

  @Column(nullable = false)
  public String topic;

  public String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DialogueKind kind;

  @Column(name = "planned_date", nullable = false)
  public LocalDate plannedDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DialogueStatus status;

  @Column(name = "announcement_due", nullable = false)
  public LocalDate announcementDue;

  @Column(name = "announcement_date")
  public LocalDate announcementDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "announcement_channel")
  public AnnouncementChannel announcementChannel;

  @Column(name = "held_date")
  public LocalDate heldDate;

  @Column(name = "chair_name")
  public String chairName;

  @Enumerated(EnumType.STRING)
  @Column(name = "chair_role")
  public DialogueRole chairRole;

  @Column(name = "participant_count")
  public Integer participantCount;

  @Column(name = "household_count")
  public Integer householdCount;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb", nullable = false)
  public List<DialogueQuestion> questions = new ArrayList<>();

  @Column(name = "question_count", nullable = false)
  public int questionCount;

  @Column(name = "answered_count", nullable = false)
  public int answeredCount;

  @Column(name = "results_due", nullable = false)
  public LocalDate resultsDue;

  @Column(name = "results_published_date")
  public LocalDate resultsPublishedDate;

  @Column(name = "results_document_id")
  public UUID resultsDocumentId;

  @Column(name = "cancelled_date")
  public LocalDate cancelledDate;

  @Column(name = "cancel_reason")
  public String cancelReason;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "task_ids", columnDefinition = "uuid[]", nullable = false)
  public UUID[] taskIds = new UUID[0];

  public String note;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  /** The day the results deadline counts from: the held date, or the planned date until then. */
  LocalDate resultsBase() {
    return heldDate != null ? heldDate : plannedDate;
  }
}
