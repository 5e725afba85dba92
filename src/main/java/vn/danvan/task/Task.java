package vn.danvan.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.source.Provenance;

/** One assignment: the "5 rõ", its place in a delegation tree, and where it stands. */
@Entity
@Table(name = "task")
@SqlResultSetMapping(
    name = Task.PAGE_ROW,
    entities = @EntityResult(entityClass = Task.class),
    columns = {
      @ColumnResult(name = "page_child_count", type = Long.class),
      @ColumnResult(name = "page_derived_progress", type = BigDecimal.class),
      @ColumnResult(name = "page_derived_due", type = LocalDate.class),
      @ColumnResult(name = "page_coordinators", type = UUID[].class),
      @ColumnResult(name = "tree_revision", type = Long.class),
      @ColumnResult(name = "tree_writer", type = Long.class)
    })
public class Task extends PanacheEntityBase {

  /** A row of a page of the list ({@link TaskRepository#page}): the task and its extra columns. */
  static final String PAGE_ROW = "TaskPageRow";

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

  @Column(name = "source_system")
  public String sourceSystem;

  @Column(name = "source_id")
  public String sourceId;

  @Column(name = "source_version")
  public Long sourceVersion;

  @Column(name = "source_updated_at")
  public Instant sourceUpdatedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  /** Where the task comes from when another system pushed it (all null otherwise). */
  Provenance provenance() {
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

  /** 409 {@code ILLEGAL_TRANSITION} unless {@code action} is allowed from the current status. */
  TaskStatus requireAllowed(TaskAction action) {
    TaskStatus next = status.after(action);
    if (next == null) {
      throw ApiException.illegalTransition(TaskService.LABEL, status, action);
    }
    return next;
  }

  void start(Instant at) {
    status = requireAllowed(TaskAction.START);
    updatedAt = at;
  }

  /** Done on {@code day} with its result; progress is then complete. */
  void complete(LocalDate day, String note, Instant at) {
    status = requireAllowed(TaskAction.COMPLETE);
    completedOn = day;
    resultNote = note;
    progress = 100;
    updatedAt = at;
  }

  void cancel(String reason, Instant at) {
    status = requireAllowed(TaskAction.CANCEL);
    cancelReason = reason;
    updatedAt = at;
  }

  /** Back in progress: the completion or the cancellation is forgotten. */
  void reopen(Instant at) {
    status = requireAllowed(TaskAction.REOPEN);
    completedOn = null;
    cancelReason = null;
    updatedAt = at;
  }

  /**
   * Whether {@code r} (with the task's own assigning unit and day filled in) asks for exactly this
   * assignment, as {@link TaskValidator#prepare} would store it: an upsert that changes nothing.
   */
  boolean sameAs(TaskRequest r) {
    return sameAs(r, coordinators.stream().map(c -> c.unitId).toList());
  }

  /** {@link #sameAs(TaskRequest)} with the coordinating units read for many tasks at once. */
  boolean sameAs(TaskRequest r, Collection<UUID> coordinatingNow) {
    List<UUID> coordinating = r.coordinatingUnitIds() == null ? List.of() : r.coordinatingUnitIds();
    Set<UUID> stored = new HashSet<>(coordinatingNow);
    Recurrence rec = recurrence();
    return Objects.equals(r.parentId(), parentId)
        && same(r.title(), title)
        && same(r.description(), description)
        && Objects.equals(r.leadUnitId(), leadUnitId)
        && same(r.responsiblePerson(), responsiblePerson)
        && coordinating.size() == stored.size()
        && stored.equals(new HashSet<>(coordinating))
        && Objects.equals(r.assigningUnitId(), assigningUnitId)
        && Objects.equals(r.assignedOn(), assignedOn)
        && Objects.equals(r.dueDate(), dueDate)
        && TaskValidator.sameRecurrence(r.recurrence(), rec)
        && (rec == null || Objects.equals(r.recurrence().endDate(), recurrenceEnd))
        && same(r.expectedResult(), expectedResult)
        && Objects.equals(r.directiveId(), directiveId)
        && Objects.equals(
            r.directiveItem() == null || r.directiveItem().isBlank()
                ? null
                : r.directiveItem().trim(),
            directiveItem)
        && (r.priority() == null ? TaskPriority.NORMAL : r.priority()) == priority
        && (r.weight() == null
            ? weight == null
            : weight != null && r.weight().compareTo(weight) == 0);
  }

  private static boolean same(String requested, String stored) {
    return requested != null && requested.trim().equals(stored);
  }

  /** Children may be added: the task is open and not a recurring series (409 otherwise). */
  void requireDelegable() {
    if (!status.open()) {
      throw ApiException.conflict("TASK_NOT_OPEN");
    }
    if (recurrenceFrequency != null) {
      throw ApiException.conflict("TASK_RECURRING");
    }
  }

  /**
   * The assignment itself as edited ({@code next} is the checked request): everything but the lead
   * unit, which changes with its history, and the recurrence, which is fixed but for its end.
   */
  void edit(Task next, Instant at) {
    editFields(next, at);
    coordinators.clear();
    coordinators.addAll(next.coordinators);
  }

  /** {@link #edit} but for the coordinating units, which a bulk write replaces in SQL. */
  void editFields(Task next, Instant at) {
    title = next.title;
    description = next.description;
    responsiblePerson = next.responsiblePerson;
    assigningUnitId = next.assigningUnitId;
    expectedResult = next.expectedResult;
    assignedOn = next.assignedOn;
    dueDate = next.dueDate;
    if (recurrenceFrequency != null) {
      recurrenceEnd = next.recurrenceEnd;
    }
    directiveId = next.directiveId;
    directiveItem = next.directiveItem;
    priority = next.priority;
    weight = next.weight;
    updatedAt = at;
  }

  /** A new lead unit from {@code since}, with its place in the tree on that day. */
  void changeLead(UUID unitId, UUID[] path, LocalDate since) {
    leadUnitId = unitId;
    leadUnitPath = path;
    leadSince = since;
  }

  /** The occurrence of this series due on {@code day}: a new task, not yet persisted. */
  Task occurrenceOn(LocalDate day) {
    Task o = new Task();
    o.id = UUID.randomUUID();
    o.parentId = id;
    o.seriesId = id;
    o.periodDate = day;
    o.title = title;
    o.description = description;
    o.leadUnitId = leadUnitId;
    o.leadUnitPath = leadUnitPath;
    o.leadSince = leadSince;
    o.responsiblePerson = responsiblePerson;
    o.assigningUnitId = assigningUnitId;
    o.expectedResult = expectedResult;
    o.assignedOn = assignedOn;
    o.dueDate = day;
    o.directiveId = directiveId;
    o.directiveItem = directiveItem;
    o.priority = priority;
    o.status = TaskStatus.NEW;
    for (Coordinator c : coordinators) {
      Coordinator copy = new Coordinator();
      copy.unitId = c.unitId;
      copy.unitPath = c.unitPath;
      o.coordinators.add(copy);
    }
    return o;
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
