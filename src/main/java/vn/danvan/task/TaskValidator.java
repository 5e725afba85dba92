package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import vn.danvan.directive.DirectiveService;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;

/**
 * The checks of a task request: every field, the units on the day of the assignment, the parent.
 * Problems are collected ({@link Errors}) so that one answer names them all.
 */
@ApplicationScoped
class TaskValidator {

  @Inject OrgUnitService units;
  @Inject DirectiveService directives;
  @Inject TaskAccess access;
  @Inject TaskRepository repo;

  /**
   * Lookups repeated by every item of one bulk assignment (a unit on a day, the directive's
   * visibility): answered once per request. Set only while a bulk request is validated, on its
   * thread; units and directives do not change under it.
   */
  private static final ThreadLocal<Map<Object, Object>> BULK_LOOKUPS = new ThreadLocal<>();

  private record UnitOn(UUID id, LocalDate day) {}

  private record DirectiveVisible(UUID id) {}

  private record ParentOf(UUID id) {}

  /**
   * Runs {@code work} (the checks of a bulk write) with its lookups answered from a memo: the units
   * of {@code unitDays} read in one query, the caller's scope of those units in one more, and the
   * parents given; anything else is looked up once and remembered.
   */
  <T> T withLookups(
      Collection<OrgUnitService.UnitDay> unitDays, Map<UUID, Task> parents, Supplier<T> work) {
    Map<Object, Object> memo = new HashMap<>();
    Map<OrgUnitService.UnitDay, OrgUnitResponse> found = units.findAll(unitDays);
    Set<UUID> ids = new HashSet<>();
    for (OrgUnitService.UnitDay k : unitDays) {
      memo.put(new UnitOn(k.id(), k.day()), Optional.ofNullable(found.get(k)));
      ids.add(k.id());
    }
    access.preload(ids);
    parents.forEach((id, t) -> memo.put(new ParentOf(id), Optional.ofNullable(t)));
    BULK_LOOKUPS.set(memo);
    try {
      return work.get();
    } finally {
      BULK_LOOKUPS.remove();
    }
  }

  /**
   * The tasks of a bulk assignment to a directive, each checked as by {@link #prepare} with
   * pointers under {@code /tasks/i}; only the valid ones are returned.
   */
  List<Task> prepareAll(UUID directiveId, BulkTasksRequest req, LocalDate today, Errors errors) {
    // every unit of every item on its day, and the parents, read up front in a few queries
    Set<OrgUnitService.UnitDay> unitDays = new HashSet<>();
    Set<UUID> parentIds = new HashSet<>();
    for (TaskRequest r : req.tasks()) {
      LocalDate day = r.assignedOn() != null ? r.assignedOn() : today;
      addUnit(unitDays, r.leadUnitId(), day);
      addUnit(unitDays, r.assigningUnitId(), day);
      if (r.coordinatingUnitIds() != null) {
        r.coordinatingUnitIds().forEach(u -> addUnit(unitDays, u, day));
      }
      if (r.parentId() != null) {
        parentIds.add(r.parentId());
      }
    }
    Map<UUID, Task> parents = repo.byIds(List.copyOf(parentIds));
    return withLookups(
        unitDays,
        parents,
        () -> {
          List<Task> prepared = new ArrayList<>();
          for (int i = 0; i < req.tasks().size(); i++) {
            TaskRequest r = req.tasks().get(i);
            String prefix = "/tasks/" + i;
            if (r.directiveId() != null && !r.directiveId().equals(directiveId)) {
              errors.invalid(prefix + "/directiveId", "field.DIRECTIVE_MISMATCH");
            }
            Task parent =
                r.parentId() == null ? null : parentFor(r.parentId(), prefix + "/parentId", errors);
            Task t = prepare(r.withDirectiveId(directiveId), prefix, parent, errors, today);
            if (t != null) {
              prepared.add(t);
            }
          }
          return prepared;
        });
  }

  private static void addUnit(Set<OrgUnitService.UnitDay> out, UUID unit, LocalDate day) {
    if (unit != null) {
      out.add(new OrgUnitService.UnitDay(unit, day));
    }
  }

  @SuppressWarnings("unchecked")
  private Optional<OrgUnitResponse> unitOn(UUID id, LocalDate day) {
    Map<Object, Object> memo = BULK_LOOKUPS.get();
    if (memo == null) {
      return units.find(id, day);
    }
    return (Optional<OrgUnitResponse>)
        memo.computeIfAbsent(new UnitOn(id, day), k -> units.find(id, day));
  }

  private boolean directiveVisible(UUID id) {
    Map<Object, Object> memo = BULK_LOOKUPS.get();
    if (memo == null) {
      return directives.readable(id);
    }
    return (Boolean) memo.computeIfAbsent(new DirectiveVisible(id), k -> directives.readable(id));
  }

  /**
   * A new task from a request, every field checked; problems go to {@code errors} (pointers under
   * {@code prefix}) and null is returned when the task cannot be built. {@code parent} bounds the
   * due date and the lead unit (strictly below the parent's lead unit).
   */
  Task prepare(TaskRequest req, String prefix, Task parent, Errors errors, LocalDate today) {
    int before = errors.size();
    LocalDate assignedOn = req.assignedOn() != null ? req.assignedOn() : today;
    if (assignedOn.isAfter(today)) {
      errors.invalid(prefix + "/assignedOn", "field.NOT_IN_FUTURE");
    }
    boolean hasDue = req.dueDate() != null;
    boolean hasRecurrence = req.recurrence() != null;
    if (hasDue == hasRecurrence) {
      errors.invalid(prefix + "/dueDate", "field.DUE_OR_RECURRENCE");
    }
    if (hasDue && req.dueDate().isBefore(assignedOn)) {
      errors.invalid(prefix + "/dueDate", "field.DUE_BEFORE_ASSIGNED");
    }
    Recurrence recurrence = null;
    if (hasRecurrence) {
      Recurrence r = req.recurrence();
      if (r.frequency() != RecurrenceFrequency.MONTHLY && r.month() == null) {
        errors.invalid(prefix + "/recurrence/month", "field.REQUIRED");
      }
      LocalDate start = r.startDate() != null ? r.startDate() : assignedOn;
      if (r.endDate() != null && r.endDate().isBefore(start)) {
        errors.invalid(prefix + "/recurrence/endDate", "field.END_BEFORE_START");
      }
      recurrence =
          new Recurrence(
              r.frequency(),
              r.dayOfMonth(),
              r.frequency() == RecurrenceFrequency.MONTHLY ? null : r.month(),
              start,
              r.endDate());
    }
    if (parent != null && parent.dueDate != null) {
      if (hasDue && req.dueDate().isAfter(parent.dueDate)) {
        errors.invalid(prefix + "/dueDate", "field.DUE_AFTER_PARENT", parent.dueDate);
      }
      if (recurrence != null
          && (recurrence.endDate() == null || recurrence.endDate().isAfter(parent.dueDate))) {
        errors.invalid(prefix + "/recurrence/endDate", "field.DUE_AFTER_PARENT", parent.dueDate);
      }
    }
    // The caller writes for both the assigning unit and the lead unit, and a unit assigns work only
    // to itself or below it. A unit outside the caller's scope answers exactly like a missing one
    // (scope is tested before anything else about the unit, its validity on the day included).
    Optional<OrgUnitResponse> lead =
        unitOn(req.leadUnitId(), assignedOn).filter(u -> access.contains(u.id()));
    UUID[] leadPath = null;
    UUID assigning = req.assigningUnitId();
    if (lead.isEmpty()) {
      errors.unknownUnit(prefix + "/leadUnitId");
    } else if (!lead.get().active()) {
      errors.invalid(prefix + "/leadUnitId", "field.UNIT_NOT_VALID_ON", assignedOn);
    } else {
      leadPath = lead.get().path().toArray(UUID[]::new);
      if (parent != null
          && (req.leadUnitId().equals(parent.leadUnitId)
              || !lead.get().path().contains(parent.leadUnitId))) {
        errors.invalid(prefix + "/leadUnitId", "field.NOT_BELOW_PARENT_UNIT");
      }
      if (assigning == null) {
        assigning = defaultAssigning(lead.get(), parent);
      }
    }
    if (req.assigningUnitId() != null) {
      if (unitOn(req.assigningUnitId(), assignedOn).isEmpty()
          || !access.contains(req.assigningUnitId())) {
        errors.unknownUnit(prefix + "/assigningUnitId");
      } else if (leadPath != null
          && !lead.get().path().contains(req.assigningUnitId())
          // a delegation's children are assigned by the parent's lead: NOT_BELOW_PARENT_UNIT says
          // it
          && !(parent != null && req.assigningUnitId().equals(parent.leadUnitId))) {
        errors.invalid(prefix + "/assigningUnitId", "field.LEAD_NOT_BELOW_ASSIGNING");
      }
    }
    List<Task.Coordinator> coordinators = new ArrayList<>();
    List<UUID> coordinating =
        req.coordinatingUnitIds() == null ? List.of() : req.coordinatingUnitIds();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < coordinating.size(); i++) {
      UUID c = coordinating.get(i);
      String at = prefix + "/coordinatingUnitIds/" + i;
      if (!seen.add(c)) {
        errors.invalid(at, "field.DUPLICATE_UNIT");
      } else if (c.equals(req.leadUnitId())) {
        errors.invalid(at, "field.COORDINATOR_IS_LEAD");
      } else {
        Optional<OrgUnitResponse> u = unitOn(c, assignedOn);
        if (u.isEmpty()) {
          errors.unknownUnit(at);
        } else if (!u.get().active()) {
          errors.invalid(at, "field.UNIT_NOT_VALID_ON", assignedOn);
        } else {
          Task.Coordinator co = new Task.Coordinator();
          co.unitId = c;
          co.unitPath = u.get().path().toArray(UUID[]::new);
          coordinators.add(co);
        }
      }
    }
    if (req.directiveId() != null && !directiveVisible(req.directiveId())) {
      errors.unknown(prefix + "/directiveId", "field.UNKNOWN_DIRECTIVE", "UNKNOWN_DIRECTIVE");
    }
    if (errors.size() > before) {
      return null;
    }
    Task t = new Task();
    t.id = UUID.randomUUID();
    t.parentId = parent != null ? parent.id : req.parentId();
    t.title = req.title().trim();
    t.description = req.description().trim();
    t.leadUnitId = req.leadUnitId();
    t.leadUnitPath = leadPath;
    t.responsiblePerson = req.responsiblePerson().trim();
    t.assigningUnitId = assigning;
    t.expectedResult = req.expectedResult().trim();
    t.assignedOn = assignedOn;
    t.dueDate = req.dueDate();
    t.originalDueDate = req.dueDate();
    if (recurrence != null) {
      t.recurrenceFrequency = recurrence.frequency();
      t.recurrenceDay = recurrence.dayOfMonth();
      t.recurrenceMonth = recurrence.month();
      t.recurrenceStart = recurrence.startDate();
      t.recurrenceEnd = recurrence.endDate();
    }
    t.directiveId = req.directiveId();
    t.directiveItem = blankToNull(req.directiveItem());
    t.priority = req.priority() != null ? req.priority() : TaskPriority.NORMAL;
    t.weight = req.weight();
    t.status = TaskStatus.NEW;
    t.coordinators.addAll(coordinators);
    return t;
  }

  @SuppressWarnings("unchecked")
  private Task parent(UUID id) {
    Map<Object, Object> memo = BULK_LOOKUPS.get();
    if (memo == null) {
      return Task.findById(id);
    }
    return ((Optional<Task>)
            memo.computeIfAbsent(new ParentOf(id), k -> Optional.ofNullable(Task.findById(id))))
        .orElse(null);
  }

  /** The parent named by a new task: visible, open, and not a recurring series. */
  Task parentFor(UUID parentId, String pointer, Errors errors) {
    Task p = parent(parentId);
    if (p == null || !access.canSee(p)) {
      errors.unknown(pointer, "field.UNKNOWN_TASK", "UNKNOWN_TASK");
      return null;
    }
    p.requireDelegable();
    return p;
  }

  /**
   * The assigning unit of a task that names none: the parent task's lead unit, else the lead unit's
   * superior when the caller may act for it, else the lead unit itself (a unit recording work it
   * gives itself). Never a unit the caller may not act for: 403 when the parent's lead unit is only
   * seen (as a coordinator), not written.
   */
  private UUID defaultAssigning(OrgUnitResponse lead, Task parent) {
    if (parent != null) {
      if (!access.contains(parent.leadUnitId)) {
        throw ApiException.forbidden();
      }
      return parent.leadUnitId;
    }
    if (lead.parentId() != null && access.contains(lead.parentId())) {
      return lead.parentId();
    }
    return lead.id();
  }

  /** An edit keeps the recurrence of a series (but for its end). */
  static boolean sameRecurrence(Recurrence requested, Recurrence current) {
    if (requested == null || current == null) {
      return requested == null && current == null;
    }
    return requested.frequency() == current.frequency()
        && Objects.equals(requested.dayOfMonth(), current.dayOfMonth())
        && (requested.frequency() == RecurrenceFrequency.MONTHLY
            || Objects.equals(requested.month(), current.month()))
        && (requested.startDate() == null || requested.startDate().equals(current.startDate()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * Problems found while checking a request: 400 VALIDATION_FAILED when any field is invalid, else
   * 422 with the code of the first unknown reference (UNKNOWN_UNIT, UNKNOWN_TASK,
   * UNKNOWN_DIRECTIVE), every problem listed.
   */
  static final class Errors {
    private final Map<String, FieldError> errors = new LinkedHashMap<>();
    private boolean invalid;
    private String unknownCode;

    void invalid(String pointer, String key, Object... args) {
      errors.putIfAbsent(pointer + " " + key, FieldError.of(pointer, key, args));
      invalid = true;
    }

    void unknown(String pointer, String key, String code) {
      errors.putIfAbsent(pointer + " " + key, FieldError.of(pointer, key));
      if (unknownCode == null) {
        unknownCode = code;
      }
    }

    /** A unit that does not exist on the day, or lies outside the caller's scope. */
    void unknownUnit(String pointer) {
      unknown(pointer, "field.UNKNOWN_UNIT", "UNKNOWN_UNIT");
    }

    int size() {
      return errors.size();
    }

    void throwIfAny() {
      if (!errors.isEmpty()) {
        List<FieldError> list = new ArrayList<>(errors.values());
        throw invalid
            ? new ApiException(400, "VALIDATION_FAILED", list)
            : new ApiException(422, unknownCode, list);
      }
    }
  }
}
