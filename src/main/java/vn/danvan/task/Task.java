package vn.danvan.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One assignment: the "5 rõ", its place in a delegation tree, and where it stands. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "parent_id")
  public UUID parentId;

  @Column(name = "series_id")
  public UUID seriesId;

  @Column(name = "period_date")
  public LocalDate periodDate;

  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public String description;

  @Column(name = "lead_unit_id", nullable = false)
  public UUID leadUnitId;

  /** The lead unit's ancestors (root..unit) on the day it took the task. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "lead_unit_path", columnDefinition = "uuid[]", nullable = false)
  public UUID[] leadUnitPath;

  /**
   * The day the current lead unit (and its place in the tree) took effect; null: since the task was
   * assigned. Earlier leads are in the lead history (task_lead_history, kept by triggers).
   */
  @Column(name = "lead_since")
  public LocalDate leadSince;

  @Column(name = "responsible_person", nullable = false)
  public String responsiblePerson;

  @Column(name = "assigning_unit_id")
  public UUID assigningUnitId;

  @Column(name = "expected_result", nullable = false)
  public String expectedResult;

  @Column(name = "assigned_on", nullable = false)
  public LocalDate assignedOn;

  @Column(name = "due_date")
  public LocalDate dueDate;

  @Column(name = "original_due_date")
  public LocalDate originalDueDate;

  @Enumerated(EnumType.STRING)
  @Column(name = "recurrence_frequency")
  public RecurrenceFrequency recurrenceFrequency;

  @Column(name = "recurrence_day")
  public Integer recurrenceDay;

  @Column(name = "recurrence_month")
  public Integer recurrenceMonth;

  @Column(name = "recurrence_start")
  public LocalDate recurrenceStart;

  @Column(name = "recurrence_end")
  public LocalDate recurrenceEnd;

  @Column(name = "directive_id")
  public UUID directiveId;

  @Column(name = "directive_item")
  public String directiveItem;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TaskPriority priority;

  public BigDecimal weight;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TaskStatus status;

  @Column(name = "completed_on")
  public LocalDate completedOn;

  @Column(name = "result_note")
  public String resultNote;

  @Column(name = "cancel_reason")
  public String cancelReason;

  @Column(nullable = false)
  public int progress;

  @Column(name = "transferred_from_unit_id")
  public UUID transferredFromUnitId;

  @Column(name = "transferred_on")
  public LocalDate transferredOn;

  // pages of tasks read the coordinators of all their rows in one query (TaskRepository)
  @ElementCollection
  @CollectionTable(name = "task_coordinator", joinColumns = @JoinColumn(name = "task_id"))
  public List<Coordinator> coordinators = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  Recurrence recurrence() {
    return recurrenceFrequency == null
        ? null
        : new Recurrence(
            recurrenceFrequency, recurrenceDay, recurrenceMonth, recurrenceStart, recurrenceEnd);
  }

  /** None for the template of a recurring task: only its dated occurrences have a state. */
  TaskState state(LocalDate today) {
    if (recurrenceFrequency != null) {
      return null;
    }
    return TaskState.of(status, dueDate, completedOn, today);
  }

  /** A unit that coordinates ("phối hợp"), with its path for scope tests. */
  @Embeddable
  public static class Coordinator {
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_path", columnDefinition = "uuid[]", nullable = false)
    public UUID[] unitPath;
  }
}
