package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import vn.danvan.directive.DirectiveService;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.attachment.AttachmentContent;
import vn.danvan.shared.attachment.AttachmentResponse;
import vn.danvan.shared.attachment.AttachmentStore;
import vn.danvan.shared.attachment.AttachmentUpload;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessTime;

/**
 * Tasks: the "5 rõ" of an assignment, delegation down the unit tree, progress, extensions,
 * recurring tasks and their occurrences, and the four states of Decision 42/2014. The public face
 * of the feature.
 *
 * <p>Visibility: a task is seen by the scope of its lead unit and of its coordinating units. It is
 * created and edited by a caller who acts for both its assigning unit and its lead unit (a unit
 * assigns work only to itself or below it); delegated by the scope of its lead unit (which assigns
 * the children); moved through its life by the scope of its lead unit or of the unit that assigned
 * it; progress and extension requests come from the lead unit, decisions on extensions from a
 * manager of the assigning unit.
 */
@ApplicationScoped
public class TaskService {

  public static final String ENTITY = "TASK";
  static final String EXTENSION_ENTITY = "TASK_EXTENSION";
  static final String PROGRESS_ENTITY = "TASK_PROGRESS";
  private static final String LABEL = "entity.TASK";
  private static final Logger LOG = Logger.getLogger(TaskService.class);
  static final int MAX_OCCURRENCES = 1000;
  static final int MAX_TREE_DEPTH = 50;
  static final int MAX_TREE_NODES = 5000;

  @Inject TaskRepository repo;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject AttachmentStore attachments;
  @Inject DirectiveService directives;

  public record ListFilter(
      UUID orgUnitId,
      OrgUnitMode orgUnitMode,
      TaskRole role,
      TaskState state,
      TaskStatus status,
      UUID directiveId,
      UUID parentId,
      LocalDate dueFrom,
      LocalDate dueTo,
      String q,
      String sort) {

    public static ListFilter children(UUID parentId, String sort) {
      return new ListFilter(null, null, null, null, null, null, parentId, null, null, null, sort);
    }
  }

  // ------------------------------------------------------------------ reads

  @Transactional
  public TaskResponse get(UUID id) {
    return response(visible(id));
  }

  @Transactional
  public Page<TaskResponse> list(ListFilter f, PageRequest page) {
    LocalDate today = today();
    Map<String, Object> params = TaskRepository.params();
    List<String> where = new ArrayList<>();
    if (f.orgUnitId() != null) {
      OrgUnitResponse unit =
          units
              .find(f.orgUnitId(), today)
              // outside the caller's scope answers exactly like a unit that does not exist
              .filter(u -> scope.contains(u.id()))
              .orElseThrow(() -> ApiException.unknownUnit("/orgUnitId"));
      OrgUnitMode mode = f.orgUnitMode() == null ? OrgUnitMode.SELECTED : f.orgUnitMode();
      params.put("unit", f.orgUnitId());
      String lead = leadCondition(unit.path().size(), mode);
      String coordinating =
          "exists (select 1 from task_coordinator c where c.task_id = t.id and "
              + coordinatorCondition(mode)
              + ")";
      where.add(
          switch (f.role() == null ? TaskRole.LEAD : f.role()) {
            case LEAD -> lead;
            case COORDINATING -> coordinating;
            case ANY -> "(" + lead + ") or " + coordinating;
          });
    } else if (f.orgUnitMode() != null || f.role() != null) {
      throw ApiException.invalid("/orgUnitId", "field.REQUIRED");
    }
    if (f.state() != null) {
      where.add(f.state().predicate());
      if (f.state().predicate().contains(":today")) {
        params.put("today", today);
      }
    }
    if (f.status() != null) {
      where.add("t.status = :status");
      params.put("status", f.status().name());
    }
    if (f.directiveId() != null) {
      where.add("t.directive_id = :directive");
      params.put("directive", f.directiveId());
    }
    if (f.parentId() != null) {
      where.add("t.parent_id = :parent");
      params.put("parent", f.parentId());
    }
    if (f.dueFrom() != null) {
      where.add("t.due_date >= :dueFrom");
      params.put("dueFrom", f.dueFrom());
    }
    if (f.dueTo() != null) {
      where.add("t.due_date <= :dueTo");
      params.put("dueTo", f.dueTo());
    }
    if (f.dueFrom() != null && f.dueTo() != null && f.dueTo().isBefore(f.dueFrom())) {
      throw ApiException.invalid("/dueTo", "field.RANGE_REVERSED");
    }
    if (f.q() != null && !f.q().isBlank()) {
      where.add(TaskRepository.SEARCH_TEXT + " like '%' || danvan_fold(:q) || '%' escape '\\'");
      params.put("q", escapeLike(f.q().trim()));
    }
    if (scope.restriction().isPresent()) {
      where.add(TaskRepository.VISIBLE);
      params.put("roots", scope.roots());
    }
    TaskRepository.Sort sort = TaskRepository.Sort.parse(f.sort());
    if (sort == null) {
      throw ApiException.invalid("/sort", "field.UNKNOWN_SORT");
    }
    String list = "tasks" + sort.code;
    Cursor.Keys keys = page.keys(list, sort.keyType(), Cursor.KeyType.UUID);
    Object afterKey = null;
    UUID afterId = null;
    if (keys != null) {
      afterKey = sort.key(keys, 0);
      afterId = keys.uuid(1);
    }
    List<Task> rows = repo.page(where, params, sort, afterKey, afterId, page.fetchSize());
    List<UUID> ids = rows.stream().map(t -> t.id).toList();
    Map<UUID, TaskResponse.Children> children = repo.children(ids);
    Map<UUID, List<UUID>> coordinators = repo.coordinators(ids);
    return Page.of(
        rows,
        page.limit(),
        t ->
            TaskResponse.of(
                t,
                children.getOrDefault(t.id, TaskResponse.Children.NONE),
                coordinators.getOrDefault(t.id, List.of()),
                today),
        t -> Cursor.encode(list, sort.key(t), t.id));
  }

  /**
   * A subtree by the lead unit's stored path. A unit at depth 1..3 (province; district, commune or
   * department; commune or department) has its own generated column and btree, so the list is an
   * ordered range scan; deeper units use the GIN index on the path.
   */
  static String leadCondition(int pathLength, OrgUnitMode mode) {
    String subtree =
        pathLength == 1
            ? "true"
            : pathLength <= 4
                ? "t.unit_at_" + pathLength + " = :unit"
                : "t.lead_unit_path @> array[cast(:unit as uuid)]";
    return switch (mode) {
      case SELECTED -> "t.lead_unit_id = :unit";
      case DESCENDANTS -> subtree;
      case CHILDREN ->
          subtree
              + " and (t.lead_unit_id = :unit"
              + " or t.lead_unit_path[cardinality(t.lead_unit_path) - 1] = :unit)";
    };
  }

  private static String coordinatorCondition(OrgUnitMode mode) {
    return switch (mode) {
      case SELECTED -> "c.unit_id = :unit";
      case DESCENDANTS -> "c.unit_path @> array[cast(:unit as uuid)]";
      case CHILDREN ->
          "c.unit_path @> array[cast(:unit as uuid)] and (c.unit_id = :unit"
              + " or c.unit_path[cardinality(c.unit_path) - 1] = :unit)";
    };
  }

  @Transactional
  public Page<TaskResponse> children(UUID id, String sort, PageRequest page) {
    visible(id);
    return list(ListFilter.children(id, sort), page);
  }

  /** The chain of parents, root first; parents outside the caller's scope are left out. */
  @Transactional
  public Page<TaskResponse> ancestors(UUID id) {
    visible(id);
    List<UUID> ids = repo.ancestorIds(id);
    Map<UUID, Task> byId = load(ids);
    List<Task> chain =
        ids.stream().map(byId::get).filter(Objects::nonNull).filter(this::canSee).toList();
    return new Page<>(responses(chain), null);
  }

  @Transactional
  public TaskTreeResponse tree(UUID id, Integer depth) {
    visible(id);
    int max = depth == null ? 20 : depth;
    if (max < 1 || max > MAX_TREE_DEPTH) {
      throw ApiException.invalid("/depth", "field.DEPTH_RANGE", MAX_TREE_DEPTH);
    }
    List<Object[]> rows = repo.subtree(id, max, MAX_TREE_NODES + 1);
    if (rows.size() > MAX_TREE_NODES) {
      throw ApiException.unprocessable("TREE_TOO_LARGE", MAX_TREE_NODES);
    }
    Map<UUID, Task> byId = load(rows.stream().map(r -> (UUID) r[0]).toList());
    Map<UUID, TaskResponse.Children> children = repo.children(byId.keySet());
    Map<UUID, List<UUID>> coordinators = repo.coordinators(byId.keySet());
    LocalDate today = today();
    List<TaskTreeResponse.Node> nodes = new ArrayList<>();
    for (Object[] r : rows) {
      Task t = byId.get((UUID) r[0]);
      if (t != null && canSee(t)) {
        nodes.add(
            new TaskTreeResponse.Node(
                ((Number) r[1]).intValue(),
                TaskResponse.of(
                    t,
                    children.getOrDefault(t.id, TaskResponse.Children.NONE),
                    coordinators.getOrDefault(t.id, List.of()),
                    today)));
      }
    }
    return new TaskTreeResponse(id, nodes);
  }

  @Transactional
  public List<DueDateChange> dueDates(UUID id) {
    visible(id);
    return repo.dueDates(id);
  }

  // ------------------------------------------------------------------ writes

  @Transactional
  public TaskResponse create(TaskRequest req) {
    Errors errors = new Errors();
    Task parent = req.parentId() == null ? null : parentFor(req.parentId(), "/parentId", errors);
    Task t = prepare(req, "", parent, errors, today());
    errors.throwIfAny();
    persistNew(t);
    LOG.infof("Task %s created", t.id);
    return response(t);
  }

  /** Creates many tasks of one directive in one transaction: all of them, or none. */
  @Transactional
  public BulkTasksResponse createForDirective(
      UUID directiveId, BulkTasksRequest req, boolean dryRun) {
    if (!directives.readable(directiveId)) {
      throw ApiException.notFound("entity.DIRECTIVE");
    }
    LocalDate today = today();
    Errors errors = new Errors();
    List<Task> prepared = new ArrayList<>();
    long validating = System.nanoTime();
    BULK_LOOKUPS.set(new HashMap<>());
    try {
      prepareAll(directiveId, req, today, errors, prepared);
    } finally {
      BULK_LOOKUPS.remove();
    }
    long validatedMs = (System.nanoTime() - validating) / 1_000_000;
    if (errors.size() > 0) {
      LOG.infof(
          "Directive %s: %d tasks refused (validated in %d ms)",
          directiveId, req.tasks().size(), validatedMs);
    }
    errors.throwIfAny();
    if (dryRun) {
      return new BulkTasksResponse(directiveId, true, prepared.size(), List.of());
    }
    long writing = System.nanoTime();
    List<TaskResponse> created = persistAll(prepared, today);
    LOG.infof(
        "Directive %s: %d tasks created (validated in %d ms, written in %d ms)",
        directiveId, created.size(), validatedMs, (System.nanoTime() - writing) / 1_000_000);
    return BulkTasksResponse.of(directiveId, false, created);
  }

  private void prepareAll(
      UUID directiveId, BulkTasksRequest req, LocalDate today, Errors errors, List<Task> prepared) {
    for (int i = 0; i < req.tasks().size(); i++) {
      TaskRequest r = req.tasks().get(i);
      String prefix = "/tasks/" + i;
      if (r.directiveId() != null && !r.directiveId().equals(directiveId)) {
        errors.invalid(prefix + "/directiveId", "field.DIRECTIVE_MISMATCH");
      }
      Task parent =
          r.parentId() == null ? null : parentFor(r.parentId(), prefix + "/parentId", errors);
      Task t = prepare(withDirective(r, directiveId), prefix, parent, errors, today);
      if (t != null) {
        prepared.add(t);
      }
    }
  }

  /**
   * Lookups repeated by every item of one bulk assignment (a unit on a day, the directive's
   * visibility): answered once per request. Set only while a bulk request is validated, on its
   * thread; units and directives do not change under it.
   */
  private static final ThreadLocal<Map<Object, Object>> BULK_LOOKUPS = new ThreadLocal<>();

  private record UnitOn(UUID id, LocalDate day) {}

  private record DirectiveVisible(UUID id) {}

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

  @Transactional
  public TaskResponse update(UUID id, long expectedVersion, TaskRequest req) {
    Task t = visible(id);
    requireWritable(t);
    requireAssigner(t);
    ETags.check(expectedVersion, t.version);
    if (!Objects.equals(req.parentId(), t.parentId)) {
      throw ApiException.conflict("TASK_PARENT_FIXED");
    }
    if (!sameRecurrence(req.recurrence(), t.recurrence())) {
      throw ApiException.conflict("TASK_RECURRENCE_FIXED");
    }
    // an assigning unit left out keeps the task's own (never re-derived from the caller)
    TaskRequest effective =
        withAssignment(
            req,
            req.assigningUnitId() != null ? req.assigningUnitId() : t.assigningUnitId,
            req.assignedOn() != null ? req.assignedOn() : t.assignedOn);
    if (!Objects.equals(req.leadUnitId(), t.leadUnitId) && t.status != TaskStatus.NEW) {
      throw ApiException.conflict("TASK_LEAD_UNIT_FIXED");
    }
    if (!Objects.equals(req.dueDate(), t.dueDate) && t.status != TaskStatus.NEW) {
      throw ApiException.conflict("TASK_DUE_DATE_FIXED");
    }
    Errors errors = new Errors();
    Task parent = t.parentId == null || t.seriesId != null ? null : Task.<Task>findById(t.parentId);
    Task next = prepare(effective, "", parent, errors, today());
    if (req.dueDate() != null && !Objects.equals(req.dueDate(), t.dueDate)) {
      LocalDate latestChild = repo.latestChildDue(t.id);
      if (latestChild != null && req.dueDate().isBefore(latestChild)) {
        errors.invalid("/dueDate", "field.DUE_BEFORE_CHILDREN", latestChild);
      }
    }
    errors.throwIfAny();
    TaskResponse before = response(t);
    boolean dueChanged = !Objects.equals(next.dueDate, t.dueDate);
    t.title = next.title;
    t.description = next.description;
    if (!t.leadUnitId.equals(next.leadUnitId)) {
      // a new lead from today (or from when the current one took over, if later): the lead
      // history keeps who led before, with its place in the tree on that day
      LocalDate since = t.leadSince;
      if (since == null || since.isBefore(today())) {
        since = today().isBefore(next.assignedOn) ? next.assignedOn : today();
      }
      t.leadUnitId = next.leadUnitId;
      t.leadUnitPath =
          units
              .find(next.leadUnitId, since)
              .filter(OrgUnitResponse::active)
              .map(u -> u.path().toArray(UUID[]::new))
              .orElse(next.leadUnitPath);
      t.leadSince = since;
    }
    t.responsiblePerson = next.responsiblePerson;
    t.assigningUnitId = next.assigningUnitId;
    t.expectedResult = next.expectedResult;
    t.assignedOn = next.assignedOn;
    t.dueDate = next.dueDate;
    if (t.recurrenceFrequency != null) {
      t.recurrenceEnd = next.recurrenceEnd;
    }
    t.directiveId = next.directiveId;
    t.directiveItem = next.directiveItem;
    t.priority = next.priority;
    t.weight = next.weight;
    t.coordinators.clear();
    t.coordinators.addAll(next.coordinators);
    t.updatedAt = now();
    em.flush();
    if (dueChanged) {
      repo.recordDueDate(t.id, t.dueDate, DueDateSource.EDIT, null, user.username(), now());
    }
    TaskResponse after = response(t);
    audit.updated(ENTITY, t.id, t.leadUnitId, t.version, before, after);
    return after;
  }

  @Transactional
  public void delete(UUID id, long expectedVersion) {
    Task t = visible(id);
    requireWritable(t);
    ETags.check(expectedVersion, t.version);
    if (t.status != TaskStatus.NEW) {
      throw ApiException.conflict("TASK_NOT_NEW");
    }
    if (t.recurrenceFrequency != null) {
      if (repo.occurrencesStarted(t.id)) {
        throw ApiException.conflict("TASK_HAS_CHILDREN");
      }
      List<AuditTrail.Change> gone = new ArrayList<>();
      for (Object[] o : repo.deleteOccurrences(t.id)) {
        gone.add(
            new AuditTrail.Change(
                (UUID) o[0],
                (UUID) o[1],
                null,
                Map.of("seriesId", t.id, "periodDate", String.valueOf(TaskRepository.toDate(o[2]))),
                null));
      }
      audit.recordAll("DELETE", ENTITY, AuditTrail.Operation.DELETE, gone, null);
    } else if (repo.childCount(t.id) > 0) {
      throw ApiException.conflict("TASK_HAS_CHILDREN");
    }
    audit.deleted(ENTITY, t.id, t.leadUnitId, response(t));
    t.delete();
    em.flush();
  }

  @Transactional
  public TaskResponse transition(UUID id, long expectedVersion, TaskTransitionRequest req) {
    Task t = visible(id);
    requireWritable(t);
    ETags.check(expectedVersion, t.version);
    TaskStatus next = t.status.after(req.action());
    if (next == null) {
      throw ApiException.illegalTransition(LABEL, t.status, req.action());
    }
    LocalDate today = today();
    TaskResponse before = response(t);
    String note = null;
    switch (req.action()) {
      case START -> {}
      case COMPLETE -> {
        if (blank(req.resultNote())) {
          throw ApiException.invalid("/resultNote", "field.REQUIRED");
        }
        LocalDate day = req.completedOn() != null ? req.completedOn() : today;
        if (day.isAfter(today) || day.isBefore(t.assignedOn)) {
          throw ApiException.invalid("/completedOn", "field.COMPLETED_ON_RANGE");
        }
        if (repo.hasOpenChildren(t.id)) {
          throw ApiException.conflict("TASK_HAS_OPEN_CHILDREN");
        }
        t.completedOn = day;
        t.resultNote = req.resultNote().trim();
        t.progress = 100;
        note = t.resultNote;
      }
      case CANCEL -> {
        if (blank(req.reason())) {
          throw ApiException.invalid("/reason", "field.REQUIRED");
        }
        t.cancelReason = req.reason().trim();
        note = t.cancelReason;
      }
      case REOPEN -> {
        if (t.parentId != null) {
          Task parent = Task.findById(t.parentId);
          if (parent != null && !parent.status.open()) {
            throw ApiException.conflict("TASK_PARENT_NOT_OPEN");
          }
        }
        t.completedOn = null;
        t.cancelReason = null;
        note = req.reason();
      }
    }
    t.status = next;
    t.updatedAt = now();
    em.flush();
    if (req.action() == TaskAction.CANCEL) {
      cancelOpenDescendants(t);
    }
    TaskResponse after = response(t);
    audit.action(
        "TASK_" + req.action().name(), ENTITY, t.id, t.leadUnitId, t.version, before, after, note);
    LOG.infof("Task %s: %s", t.id, req.action());
    return after;
  }

  /**
   * The open tasks below a cancelled task are cancelled with it, in one statement; each gets its
   * audit event and change-log entry (set-based, same transaction).
   */
  private void cancelOpenDescendants(Task t) {
    List<AuditTrail.Change> changes = new ArrayList<>();
    for (Object[] r : repo.cancelOpenDescendants(t.id, t.cancelReason, now())) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("status", TaskStatus.CANCELLED.name());
      after.put("cancelReason", t.cancelReason);
      after.put("cancelledWithTaskId", t.id);
      changes.add(
          new AuditTrail.Change(
              (UUID) r[0],
              (UUID) r[2],
              ((Number) r[1]).longValue(),
              Map.of("status", r[3]),
              after));
    }
    audit.recordAll(
        "TASK_" + TaskAction.CANCEL.name(),
        ENTITY,
        AuditTrail.Operation.UPSERT,
        changes,
        t.cancelReason);
    if (!changes.isEmpty()) {
      LOG.infof("Task %s cancelled with %d open tasks below it", t.id, changes.size());
    }
  }

  /**
   * Splits a task among units below its lead unit: one child per unit, each due no later than the
   * task. With {@code childKind} every direct child unit of that kind valid on the day gets one
   * (the 16 wards of a district in one call).
   */
  @Transactional
  public List<TaskResponse> delegate(UUID id, DelegationRequest req) {
    return delegate(id, req, null);
  }

  /**
   * As {@link #delegate(UUID, DelegationRequest)}, assigned on a given day (loading records) unless
   * the request names its own.
   */
  @Transactional
  public List<TaskResponse> delegate(UUID id, DelegationRequest req, LocalDate assignedOn) {
    Task parent = visible(id);
    // the children are assigned by the parent's lead unit: the caller acts for it
    requireWritable(parent);
    requireLead(parent);
    requireDelegable(parent);
    LocalDate today = today();
    LocalDate day =
        req.assignedOn() != null ? req.assignedOn() : assignedOn != null ? assignedOn : today;
    if (day.isAfter(today)) {
      throw ApiException.invalid("/assignedOn", "field.NOT_IN_FUTURE");
    }
    if (day.isBefore(parent.assignedOn)) {
      throw ApiException.invalid("/assignedOn", "field.ASSIGNED_BEFORE_PARENT", parent.assignedOn);
    }
    boolean listed = req.units() != null && !req.units().isEmpty();
    if (listed == (req.childKind() != null)) {
      throw ApiException.invalid("/units", "field.UNITS_OR_KIND");
    }
    List<DelegationRequest.Unit> targets =
        listed
            ? req.units()
            : units.childIdsOfKind(parent.leadUnitId, req.childKind(), day).stream()
                .map(u -> new DelegationRequest.Unit(u, null, null, null, null))
                .toList();
    if (targets.isEmpty()) {
      throw ApiException.unprocessable("NO_TARGET_UNITS");
    }
    Errors errors = new Errors();
    List<Task> prepared = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      DelegationRequest.Unit u = targets.get(i);
      String prefix = listed ? "/units/" + i : "";
      if (!seen.add(u.unitId())) {
        errors.invalid(prefix + "/unitId", "field.DUPLICATE_UNIT");
        continue;
      }
      TaskRequest child =
          new TaskRequest(
              firstNonBlank(req.title(), parent.title),
              firstNonBlank(req.description(), parent.description),
              u.unitId(),
              firstNonBlank(
                  u.responsiblePerson(), req.responsiblePerson(), parent.responsiblePerson),
              List.of(),
              parent.leadUnitId,
              day,
              u.dueDate() != null
                  ? u.dueDate()
                  : req.dueDate() != null ? req.dueDate() : parent.dueDate,
              null,
              firstNonBlank(u.expectedResult(), req.expectedResult(), parent.expectedResult),
              parent.directiveId,
              parent.directiveItem,
              parent.priority,
              u.weight(),
              parent.id);
      Task t = prepare(child, prefix, parent, errors, today);
      if (t != null) {
        prepared.add(t);
      }
    }
    errors.throwIfAny();
    TaskResponse before = response(parent);
    List<TaskResponse> created = new ArrayList<>();
    for (Task t : prepared) {
      persistNew(t);
      created.add(TaskResponse.of(t, TaskResponse.Children.NONE, today));
    }
    // the children are part of the parent's representation: its version moves with them
    parent.updatedAt = now();
    em.flush();
    audit.action(
        "TASK_DELEGATED",
        ENTITY,
        parent.id,
        parent.leadUnitId,
        parent.version,
        before,
        response(parent),
        null);
    LOG.infof("Task %s delegated to %d units", parent.id, created.size());
    return created;
  }

  // ------------------------------------------------------------------ progress

  @Transactional
  public ProgressUpdateResponse addProgress(UUID id, ProgressUpdateRequest req) {
    Task t = visible(id);
    requireLead(t);
    if (!t.status.open()) {
      throw ApiException.conflict("TASK_NOT_OPEN");
    }
    TaskResponse before = response(t);
    ProgressUpdateResponse p =
        new ProgressUpdateResponse(
            UUID.randomUUID(),
            t.id,
            req.percent(),
            blankToNull(req.note()),
            user.username(),
            now());
    repo.insertProgress(p);
    t.progress = req.percent();
    t.updatedAt = p.reportedAt();
    em.flush();
    audit.action(
        "TASK_PROGRESS", ENTITY, t.id, t.leadUnitId, t.version, before, response(t), p.note());
    return p;
  }

  @Transactional
  public Page<ProgressUpdateResponse> progress(UUID id, PageRequest page) {
    visible(id);
    Cursor.Keys keys = page.keys("task-progress", Cursor.KeyType.INSTANT, Cursor.KeyType.UUID);
    OffsetDateTime afterAt = null;
    UUID afterId = null;
    if (keys != null) {
      afterAt = keys.offsetDateTime(0);
      afterId = keys.uuid(1);
    }
    return Page.of(
        repo.progress(id, afterAt, afterId, page.fetchSize()),
        page.limit(),
        Function.identity(),
        p -> Cursor.encode("task-progress", p.reportedAt(), p.id()));
  }

  /** Evidence of a progress report (minutes, photos, a signed report), added by the lead unit. */
  @Transactional
  public AttachmentResponse addEvidence(UUID id, UUID progressId, AttachmentUpload upload) {
    Task t = visible(id);
    requireLead(t);
    requireProgress(id, progressId);
    return attachments.store(PROGRESS_ENTITY, progressId, t.leadUnitId, upload);
  }

  @Transactional
  public List<AttachmentResponse> evidence(UUID id, UUID progressId) {
    visible(id);
    requireProgress(id, progressId);
    return attachments.list(PROGRESS_ENTITY, progressId);
  }

  @Transactional
  public AttachmentContent evidenceContent(UUID id, UUID progressId, UUID attachmentId) {
    visible(id);
    requireProgress(id, progressId);
    return attachments.content(PROGRESS_ENTITY, progressId, attachmentId);
  }

  private void requireProgress(UUID taskId, UUID progressId) {
    if (!repo.progressExists(taskId, progressId)) {
      throw ApiException.notFound("entity.TASK_PROGRESS");
    }
  }

  // ------------------------------------------------------------------ extensions

  @Transactional
  public ExtensionResponse requestExtension(UUID id, ExtensionRequestInput req) {
    Task t = visible(id);
    requireLead(t);
    if (!t.status.open()) {
      throw ApiException.conflict("TASK_NOT_OPEN");
    }
    if (t.dueDate == null) {
      throw ApiException.conflict("TASK_RECURRING");
    }
    if (!req.requestedDueDate().isAfter(t.dueDate)) {
      throw ApiException.invalid("/requestedDueDate", "field.EXTENSION_NOT_LATER");
    }
    requireWithinParent(t, req.requestedDueDate(), "/requestedDueDate");
    if (repo.hasPendingExtension(t.id)) {
      throw ApiException.conflict("EXTENSION_PENDING");
    }
    ExtensionResponse e =
        new ExtensionResponse(
            UUID.randomUUID(),
            t.id,
            req.requestedDueDate(),
            t.dueDate,
            req.reason().trim(),
            ExtensionStatus.PENDING,
            user.username(),
            now(),
            null,
            null,
            null,
            0);
    repo.insertExtension(e);
    audit.created(EXTENSION_ENTITY, e.id(), t.leadUnitId, e.version(), e);
    return e;
  }

  @Transactional
  public Page<ExtensionResponse> extensions(UUID id) {
    visible(id);
    return new Page<>(repo.extensions(id, null), null);
  }

  @Transactional
  public ExtensionResponse extension(UUID id, UUID extensionId) {
    visible(id);
    return repo.extensions(id, extensionId).stream()
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("entity.TASK_EXTENSION"));
  }

  /** The assigning unit's manager approves (the due date moves, history kept) or rejects. */
  @Transactional
  public ExtensionResponse decideExtension(
      UUID id, UUID extensionId, long expectedVersion, ExtensionDecisionRequest req) {
    Task t = visible(id);
    ExtensionResponse e =
        repo.extensions(id, extensionId).stream()
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("entity.TASK_EXTENSION"));
    if (!user.isAdmin() && (t.assigningUnitId == null || !scope.contains(t.assigningUnitId))) {
      throw new ApiException(403, "FORBIDDEN");
    }
    ETags.check(expectedVersion, e.version());
    if (e.status() != ExtensionStatus.PENDING) {
      throw ApiException.conflict("EXTENSION_DECIDED");
    }
    Instant at = now();
    if (req.action() == ExtensionAction.APPROVE) {
      requireWithinParent(t, e.requestedDueDate(), "/requestedDueDate");
      TaskResponse before = response(t);
      t.dueDate = e.requestedDueDate();
      t.updatedAt = at;
      em.flush();
      repo.recordDueDate(t.id, t.dueDate, DueDateSource.EXTENSION, e.id(), user.username(), at);
      audit.action(
          "TASK_EXTENDED", ENTITY, t.id, t.leadUnitId, t.version, before, response(t), e.reason());
    }
    repo.decideExtension(
        e.id(),
        req.action() == ExtensionAction.APPROVE
            ? ExtensionStatus.APPROVED
            : ExtensionStatus.REJECTED,
        user.username(),
        at,
        blankToNull(req.note()));
    ExtensionResponse after = repo.extensions(id, extensionId).getFirst();
    audit.action(
        "TASK_EXTENSION_" + req.action().name(),
        EXTENSION_ENTITY,
        e.id(),
        t.leadUnitId,
        after.version(),
        e,
        after,
        after.decisionNote());
    return after;
  }

  // ------------------------------------------------------------------ recurrence

  /**
   * Creates the occurrences of a series due up to one period after today (or after its start), so
   * that the next occurrence always exists; past ones are created too, and show as overdue until
   * done.
   */
  int extendSeries(Task s, LocalDate today) {
    Recurrence r = s.recurrence();
    if (r == null || !s.status.open()) {
      return 0;
    }
    LocalDate base = today.isAfter(r.startDate()) ? today : r.startDate();
    Map<LocalDate, Boolean> existing = repo.occurrenceDates(s.id);
    int created = 0;
    for (LocalDate d : r.dates(base.plusMonths(r.frequency().months), MAX_OCCURRENCES)) {
      if (!existing.containsKey(d)) {
        persistNew(occurrence(s, d));
        created++;
      }
    }
    return created;
  }

  /** The daily run: every open series gets its next occurrence. */
  @Transactional
  public int extendAllSeries() {
    LocalDate today = today();
    int created = 0;
    for (UUID id : repo.seriesToExtend(today)) {
      Task s = Task.findById(id);
      if (s != null) {
        created += extendSeries(s, today);
      }
    }
    return created;
  }

  private Task occurrence(Task s, LocalDate day) {
    Task o = new Task();
    o.id = UUID.randomUUID();
    o.parentId = s.id;
    o.seriesId = s.id;
    o.periodDate = day;
    o.title = s.title;
    o.description = s.description;
    o.leadUnitId = s.leadUnitId;
    o.leadUnitPath = s.leadUnitPath;
    o.leadSince = s.leadSince;
    o.responsiblePerson = s.responsiblePerson;
    o.assigningUnitId = s.assigningUnitId;
    o.expectedResult = s.expectedResult;
    o.assignedOn = s.assignedOn;
    o.dueDate = day;
    o.directiveId = s.directiveId;
    o.directiveItem = s.directiveItem;
    o.priority = s.priority;
    o.status = TaskStatus.NEW;
    for (Task.Coordinator c : s.coordinators) {
      Task.Coordinator copy = new Task.Coordinator();
      copy.unitId = c.unitId;
      copy.unitPath = c.unitPath;
      o.coordinators.add(copy);
    }
    return o;
  }

  // ------------------------------------------------------------------ restructuring

  /**
   * Restructuring hook: the open tasks of a closed unit pass to its successor (with the successor's
   * path on the effective date); done and cancelled tasks stay with the unit as it was.
   */
  @Transactional
  public int transferOpenTasks(UUID from, UUID to, LocalDate effective) {
    Optional<OrgUnitResponse> successor = units.find(to, effective);
    if (successor.isEmpty()) {
      return 0;
    }
    UUID[] path = successor.get().path().toArray(UUID[]::new);
    List<TaskRepository.Transferred> changed = repo.transferOpen(from, to, path, effective, now());
    List<AuditTrail.Change> changes = new ArrayList<>();
    int moved = 0;
    for (TaskRepository.Transferred m : changed) {
      Map<String, Object> before = new LinkedHashMap<>();
      Map<String, Object> after = new LinkedHashMap<>();
      for (String role : m.roles()) {
        boolean many = role.equals("coordinatingUnitIds");
        before.put(role, many ? List.of(from) : from);
        after.put(role, many ? List.of(to) : to);
      }
      if (m.roles().contains("leadUnitId")) {
        after.put("transferredOn", effective.toString());
        moved++;
      }
      changes.add(new AuditTrail.Change(m.id(), m.leadUnitId(), m.version(), before, after));
    }
    audit.recordAll("TASK_TRANSFERRED", ENTITY, AuditTrail.Operation.UPSERT, changes, null);
    return moved;
  }

  /**
   * Restructuring hook: tasks led by a unit that moved in the tree (or below one) are counted under
   * its new place from the effective date; the lead history keeps the old one.
   */
  @Transactional
  public int followTree(LocalDate effective) {
    return repo.followTree(effective);
  }

  // ------------------------------------------------------------------ statistics

  /**
   * Four-state counts of the subtree of a unit as of a day, grouped, each task under the unit that
   * led it that day. One aggregate over the covering index task_stats (the subtree is an equality
   * on the stored ancestor columns and the group key another of them; a province is ~3% of the
   * tasks), plus the closed periods of the lead history valid that day. The whole country by
   * province today reads the tally maintained by triggers in the writing transactions.
   */
  @Transactional
  public TaskStatisticsResponse statistics(
      UUID orgUnitId, TaskStatisticsGroupBy groupBy, LocalDate asOf) {
    if (orgUnitId == null) {
      throw ApiException.invalid("/orgUnitId", "field.REQUIRED");
    }
    LocalDate day = asOf != null ? asOf : today();
    TaskStatisticsGroupBy by = groupBy == null ? TaskStatisticsGroupBy.CHILD_UNIT : groupBy;
    scope.require(orgUnitId, "entity.ORG_UNIT");
    OrgUnitResponse unit =
        units.find(orgUnitId, day).orElseThrow(() -> ApiException.notFound("entity.ORG_UNIT"));
    List<UUID> path = unit.path();
    int n = path.size();
    Map<String, Object> params = new HashMap<>();
    params.put("day", day);
    List<String> where = new ArrayList<>();
    // the subtree and the child unit by the lead unit's path on that day (the tree as of asOf)
    String lead = TaskRepository.LEAD;
    for (int k = 2; k <= Math.min(n, 4); k++) {
      where.add(lead + ".unit_at_" + k + " = :p" + k);
      params.put("p" + k, path.get(k - 1));
    }
    if (n > 4) {
      where.add(lead + ".lead_unit_path @> array[cast(:unit as uuid)]");
      params.put("unit", orgUnitId);
    }
    String key =
        switch (by) {
          case CHILD_UNIT ->
              n + 1 <= 4 ? lead + ".unit_at_" + (n + 1) : lead + ".lead_unit_path[" + (n + 1) + "]";
          case DIRECTIVE -> "t.directive_id";
          case MONTH -> "to_char(t.due_date, 'YYYY-MM')";
        };
    // the whole country by province, today: the live tally instead of a scan of every task
    List<Object[]> rows =
        n == 1 && by == TaskStatisticsGroupBy.CHILD_UNIT && day.equals(today())
            ? repo.provincesToday(day)
            : repo.statistics(key, where, params);
    Map<UUID, String> labels =
        switch (by) {
          case CHILD_UNIT -> {
            Set<UUID> ids = new HashSet<>();
            ids.add(orgUnitId);
            rows.stream().filter(r -> r[0] != null).forEach(r -> ids.add((UUID) r[0]));
            yield repo.unitNames(ids, day);
          }
          case DIRECTIVE ->
              directives.readableNumbers(
                  rows.stream().filter(r -> r[0] != null).map(r -> (UUID) r[0]).toList());
          case MONTH -> Map.of();
        };
    long[] total = new long[4];
    List<TaskStatisticsResponse.Group> groups = new ArrayList<>();
    for (Object[] r : rows) {
      long[] c = new long[4];
      for (int i = 0; i < 4; i++) {
        c[i] = ((Number) r[i + 1]).longValue();
        total[i] += c[i];
      }
      Object k = r[0] == null && by == TaskStatisticsGroupBy.CHILD_UNIT ? orgUnitId : r[0];
      String label = k instanceof UUID u ? labels.get(u) : null;
      groups.add(
          new TaskStatisticsResponse.Group(k == null ? null : k.toString(), label, counts(c)));
    }
    return new TaskStatisticsResponse(orgUnitId, by, day, counts(total), groups);
  }

  private static TaskStatisticsResponse.Counts counts(long[] c) {
    return new TaskStatisticsResponse.Counts(c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]);
  }

  // ------------------------------------------------------------------ rules

  /**
   * A new task from a request, every field checked; problems go to {@code errors} (pointers under
   * {@code prefix}) and null is returned when the task cannot be built. {@code parent} bounds the
   * due date and the lead unit (strictly below the parent's lead unit).
   */
  private Task prepare(
      TaskRequest req, String prefix, Task parent, Errors errors, LocalDate today) {
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
        unitOn(req.leadUnitId(), assignedOn).filter(u -> scope.contains(u.id()));
    UUID[] leadPath = null;
    UUID assigning = req.assigningUnitId();
    if (lead.isEmpty()) {
      errors.unknown(prefix + "/leadUnitId", "field.UNKNOWN_UNIT", "UNKNOWN_UNIT");
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
          || !scope.contains(req.assigningUnitId())) {
        errors.unknown(prefix + "/assigningUnitId", "field.UNKNOWN_UNIT", "UNKNOWN_UNIT");
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
          errors.unknown(at, "field.UNKNOWN_UNIT", "UNKNOWN_UNIT");
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

  private void persistNew(Task t) {
    Instant at = now();
    t.createdAt = at;
    t.updatedAt = at;
    if (t.originalDueDate == null) {
      t.originalDueDate = t.dueDate;
    }
    t.persist();
    em.flush();
    if (t.dueDate != null) {
      repo.recordDueDate(t.id, t.dueDate, DueDateSource.INITIAL, null, user.username(), at);
    }
    audit.created(
        ENTITY,
        t.id,
        t.leadUnitId,
        t.version,
        TaskResponse.of(t, TaskResponse.Children.NONE, today()));
    if (t.recurrenceFrequency != null) {
      extendSeries(t, today());
    }
  }

  /**
   * {@link #persistNew} for many tasks at once, set-based: the tasks (and their coordinators) go to
   * the database in JDBC batches with one flush, then their initial due dates, audit events and
   * change-log entries (one per task, as {@link #persistNew} writes them) in batches too. A flush
   * per task would make the persistence context dirty-check every task already added: quadratic.
   */
  private List<TaskResponse> persistAll(List<Task> tasks, LocalDate today) {
    Instant at = now();
    Session session = em.unwrap(Session.class);
    Integer batchSize = session.getJdbcBatchSize();
    session.setJdbcBatchSize(BULK_BATCH);
    try {
      for (Task t : tasks) {
        t.createdAt = at;
        t.updatedAt = at;
        if (t.originalDueDate == null) {
          t.originalDueDate = t.dueDate;
        }
        em.persist(t);
      }
      em.flush();
    } finally {
      session.setJdbcBatchSize(batchSize);
    }
    repo.recordInitialDueDates(tasks, user.username(), at);
    List<TaskResponse> created = new ArrayList<>(tasks.size());
    List<AuditTrail.Created> rows = new ArrayList<>(tasks.size());
    for (Task t : tasks) {
      TaskResponse response = TaskResponse.of(t, TaskResponse.Children.NONE, today);
      created.add(response);
      rows.add(new AuditTrail.Created(t.id, t.leadUnitId, t.version, response));
    }
    audit.createdAll(ENTITY, rows);
    for (Task t : tasks) {
      if (t.recurrenceFrequency != null) {
        extendSeries(t, today);
      }
    }
    return created;
  }

  private static final int BULK_BATCH = 500;

  /** The parent named by a new task: visible, open, and not a recurring series. */
  private Task parentFor(UUID parentId, String pointer, Errors errors) {
    Task p = Task.findById(parentId);
    if (p == null || !canSee(p)) {
      errors.unknown(pointer, "field.UNKNOWN_TASK", "UNKNOWN_TASK");
      return null;
    }
    requireDelegable(p);
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
      if (!scope.contains(parent.leadUnitId)) {
        throw new ApiException(403, "FORBIDDEN");
      }
      return parent.leadUnitId;
    }
    if (lead.parentId() != null && scope.contains(lead.parentId())) {
      return lead.parentId();
    }
    return lead.id();
  }

  private static void requireDelegable(Task p) {
    if (!p.status.open()) {
      throw ApiException.conflict("TASK_NOT_OPEN");
    }
    if (p.recurrenceFrequency != null) {
      throw ApiException.conflict("TASK_RECURRING");
    }
  }

  private void requireWithinParent(Task t, LocalDate due, String pointer) {
    if (t.parentId == null || t.seriesId != null) {
      return;
    }
    Task parent = Task.findById(t.parentId);
    if (parent != null && parent.dueDate != null && due.isAfter(parent.dueDate)) {
      throw ApiException.invalid(pointer, "field.DUE_AFTER_PARENT", parent.dueDate);
    }
  }

  private static boolean sameRecurrence(Recurrence requested, Recurrence current) {
    if (requested == null || current == null) {
      return requested == null && current == null;
    }
    return requested.frequency() == current.frequency()
        && Objects.equals(requested.dayOfMonth(), current.dayOfMonth())
        && (requested.frequency() == RecurrenceFrequency.MONTHLY
            || Objects.equals(requested.month(), current.month()))
        && (requested.startDate() == null || requested.startDate().equals(current.startDate()));
  }

  // ------------------------------------------------------------------ helpers

  /** The task, or 404 when missing or outside the caller's scope. */
  private Task visible(UUID id) {
    Task t = Task.findById(id);
    if (t == null || !canSee(t)) {
      throw ApiException.notFound(LABEL);
    }
    return t;
  }

  private boolean canSee(Task t) {
    if (scope.restriction().isEmpty() || scope.contains(t.leadUnitId)) {
      return true;
    }
    return t.coordinators.stream().anyMatch(c -> scope.contains(c.unitId));
  }

  /** Seen (e.g. as a coordinator) is not writable: 403. */
  private void requireWritable(Task t) {
    if (!scope.contains(t.leadUnitId)
        && (t.assigningUnitId == null || !scope.contains(t.assigningUnitId))) {
      throw new ApiException(403, "FORBIDDEN");
    }
  }

  /**
   * The assignment itself (its "5 rõ" and its units) is edited by a caller who acts for both the
   * lead unit and the assigning unit; transitions, progress and extensions keep their own rules.
   * Seen is not writable: 403.
   */
  private void requireAssigner(Task t) {
    if (!scope.contains(t.leadUnitId)
        || (t.assigningUnitId != null && !scope.contains(t.assigningUnitId))) {
      throw new ApiException(403, "FORBIDDEN");
    }
  }

  /** Progress and extension requests come from the lead unit. */
  private void requireLead(Task t) {
    if (!scope.contains(t.leadUnitId)) {
      throw new ApiException(403, "FORBIDDEN");
    }
  }

  private Map<UUID, Task> load(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<Task> rows = Task.list("id in ?1", ids);
    return rows.stream()
        .collect(Collectors.toMap(t -> t.id, t -> t, (a, b) -> a, LinkedHashMap::new));
  }

  private List<TaskResponse> responses(List<Task> rows) {
    Map<UUID, TaskResponse.Children> children =
        repo.children(rows.stream().map(t -> t.id).toList());
    LocalDate today = today();
    return rows.stream()
        .map(
            t -> TaskResponse.of(t, children.getOrDefault(t.id, TaskResponse.Children.NONE), today))
        .toList();
  }

  private TaskResponse response(Task t) {
    return TaskResponse.of(
        t, repo.children(List.of(t.id)).getOrDefault(t.id, TaskResponse.Children.NONE), today());
  }

  private LocalDate today() {
    return BusinessTime.today(clock);
  }

  private Instant now() {
    return Instant.now(clock);
  }

  private static TaskRequest withDirective(TaskRequest r, UUID directiveId) {
    return new TaskRequest(
        r.title(),
        r.description(),
        r.leadUnitId(),
        r.responsiblePerson(),
        r.coordinatingUnitIds(),
        r.assigningUnitId(),
        r.assignedOn(),
        r.dueDate(),
        r.recurrence(),
        r.expectedResult(),
        directiveId,
        r.directiveItem(),
        r.priority(),
        r.weight(),
        r.parentId());
  }

  private static TaskRequest withAssignment(
      TaskRequest r, UUID assigningUnitId, LocalDate assignedOn) {
    return new TaskRequest(
        r.title(),
        r.description(),
        r.leadUnitId(),
        r.responsiblePerson(),
        r.coordinatingUnitIds(),
        assigningUnitId,
        assignedOn,
        r.dueDate(),
        r.recurrence(),
        r.expectedResult(),
        r.directiveId(),
        r.directiveItem(),
        r.priority(),
        r.weight(),
        r.parentId());
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return blank(s) ? null : s.trim();
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * Problems found while checking a request: 400 VALIDATION_FAILED when any field is invalid, else
   * 422 with the code of the unknown reference (unit, task, directive).
   */
  private static final class Errors {
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
