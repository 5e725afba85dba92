package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.directive.DirectiveService;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.TreeRevision;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.source.Upserted;
import vn.danvan.shared.time.BusinessTime;

/**
 * Tasks: the "5 rõ" of an assignment, its lifecycle and delegation down the unit tree. The checks
 * of a request are {@link TaskValidator}'s, who sees and writes a task {@link TaskAccess}'s, the
 * occurrences of a series {@link TaskRecurrence}'s; progress, extensions and the four-state
 * statistics have their own services ({@link TaskProgressService}, {@link TaskExtensionService},
 * {@link TaskStatisticsService}).
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
  static final String LABEL = "entity.TASK";
  private static final Logger LOG = Logger.getLogger(TaskService.class);
  static final int MAX_TREE_DEPTH = 50;
  static final int MAX_TREE_NODES = 5000;

  @Inject TaskRepository repo;
  @Inject TaskAccess access;
  @Inject TaskValidator validator;
  @Inject TaskRecurrence recurrence;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject DirectiveService directives;
  @Inject SourceWrites sources;
  @Inject TaskFilterCache filters;
  @Inject TransactionManager transactions;

  /** The filters of the task list as the caller sends them. */
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

  @Transactional(Transactional.TxType.SUPPORTS)
  public TaskResponse get(UUID id) {
    return response(access.visible(id));
  }

  /**
   * A page of the list: one statement (the rows with their children's aggregates and coordinating
   * units, and the tree's revision) when the unit filter and the caller's scope are known for the
   * tree's revision ({@link TaskFilterCache}); two when the page is empty (the revision read on its
   * own). Otherwise, or when the statement's tree is newer, they are resolved from the tree first.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<TaskResponse> list(ListFilter f, PageRequest page) {
    LocalDate today = today();
    TaskFilterCache.Key key = filterKey(f, today);
    TaskFilterCache.Entry entry = key == null ? null : filters.get(key);
    if (entry != null) {
      Optional<Page<TaskResponse>> answer =
          page(query(f, entry.resolved()), page, today, entry.revision());
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    // the revision before the tree is read: an entry never holds a tree older than its revision
    TreeRevision revision = key == null ? null : units.treeRevision();
    TaskFilterCache.Resolved resolved = resolve(f.orgUnitId(), today);
    if (key != null) {
      filters.put(key, revision, resolved);
    }
    return page(query(f, resolved), page, today, null).orElseThrow();
  }

  /**
   * What the list's filters are resolved with from the tree, for the cache: the caller's scope, the
   * unit and the day. Null inside a transaction (it may see, or hold unflushed, changes no other
   * reader sees) and when there is nothing to resolve (an unrestricted caller, no unit filter).
   */
  private TaskFilterCache.Key filterKey(ListFilter f, LocalDate today) {
    Optional<UUID> home = scope.restriction();
    if (f.orgUnitId() == null && home.isEmpty() || !outsideTransaction()) {
      return null;
    }
    return new TaskFilterCache.Key(home.orElse(null), f.orgUnitId(), today);
  }

  private boolean outsideTransaction() {
    try {
      return transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
    } catch (SystemException e) {
      return false;
    }
  }

  /**
   * The page of a resolved query; empty when {@code expected} is given and the statement read
   * another tree (the query was resolved on an older one).
   */
  private Optional<Page<TaskResponse>> page(
      TaskQuery query, PageRequest page, LocalDate today, TreeRevision expected) {
    String list = Cursor.tag("tasks", query);
    TaskSort sort = query.sort();
    Cursor.Keys keys = page.keys(list, sort.keyType(), Cursor.KeyType.UUID);
    Object afterKey = null;
    UUID afterId = null;
    if (keys != null) {
      afterKey = sort.key(keys, 0);
      afterId = keys.uuid(1);
    }
    TaskRepository.PageRows rows = repo.page(query, today, afterKey, afterId, page.fetchSize());
    if (expected != null) {
      TreeRevision read = rows.revision() != null ? rows.revision() : units.treeRevision();
      if (!expected.equals(read)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        Page.of(
            rows.rows(),
            page.limit(),
            r -> TaskResponse.of(r.task(), r.children(), r.coordinators(), today),
            r -> Cursor.encode(list, sort.key(r.task()), r.task().id)));
  }

  /**
   * The unit filter and the caller's scope resolved from the tree: the unit (422 when it does not
   * exist or lies outside the scope) and its depth, and the roots a restricted caller's rows are
   * tested against (none when the unit filter lies inside the scope).
   */
  private TaskFilterCache.Resolved resolve(UUID unitId, LocalDate today) {
    if (unitId == null) {
      return new TaskFilterCache.Resolved(0, access.roots());
    }
    OrgUnitResponse u =
        units
            .find(unitId, today)
            // outside the caller's scope answers exactly like a unit that does not exist
            .filter(found -> access.contains(found.id()))
            .orElseThrow(() -> ApiException.unknownUnit("/query/orgUnitId"));
    // a unit filter inside the scope selects only visible tasks: no scope test per row
    return new TaskFilterCache.Resolved(
        u.path().size(), access.covers(u.id()) ? null : access.roots());
  }

  /** The list's other filters checked, with the unit filter and the scope resolved. */
  private TaskQuery query(ListFilter f, TaskFilterCache.Resolved resolved) {
    TaskQuery.Unit unit = null;
    if (f.orgUnitId() != null) {
      unit =
          new TaskQuery.Unit(
              f.orgUnitId(),
              resolved.depth(),
              f.orgUnitMode() == null ? OrgUnitMode.SELECTED : f.orgUnitMode(),
              f.role() == null ? TaskRole.LEAD : f.role());
    } else if (f.orgUnitMode() != null || f.role() != null) {
      throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
    }
    if (f.dueFrom() != null && f.dueTo() != null && f.dueTo().isBefore(f.dueFrom())) {
      throw ApiException.invalid("/query/dueTo", "field.RANGE_REVERSED");
    }
    TaskSort sort = TaskSort.parse(f.sort());
    if (sort == null) {
      throw ApiException.invalid("/query/sort", "field.UNKNOWN_SORT");
    }
    return new TaskQuery(
        unit,
        f.state(),
        f.status(),
        f.directiveId(),
        f.parentId(),
        f.dueFrom(),
        f.dueTo(),
        blankToNull(f.q()),
        resolved.roots(),
        sort);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<TaskResponse> children(UUID id, String sort, PageRequest page) {
    access.visible(id);
    return list(ListFilter.children(id, sort), page);
  }

  /** The chain of parents, root first; parents outside the caller's scope are left out. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<TaskResponse> ancestors(UUID id) {
    access.visible(id);
    List<Task> chain =
        repo.byIds(repo.ancestorIds(id)).values().stream().filter(access::canSee).toList();
    return new Page<>(responses(chain), null);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public TaskTreeResponse tree(UUID id, Integer depth) {
    access.visible(id);
    int max = depth == null ? 20 : depth;
    if (max < 1 || max > MAX_TREE_DEPTH) {
      throw ApiException.invalid("/query/depth", "field.DEPTH_RANGE", MAX_TREE_DEPTH);
    }
    List<TaskRepository.TreeRow> rows = repo.subtree(id, max, MAX_TREE_NODES + 1);
    if (rows.size() > MAX_TREE_NODES) {
      throw ApiException.unprocessable("TREE_TOO_LARGE", MAX_TREE_NODES);
    }
    Map<UUID, Task> byId = repo.byIds(rows.stream().map(TaskRepository.TreeRow::id).toList());
    Map<UUID, TaskResponse.Children> children = repo.children(byId.keySet());
    Map<UUID, List<UUID>> coordinators = repo.coordinators(byId.keySet());
    LocalDate today = today();
    List<TaskTreeResponse.Node> nodes = new ArrayList<>();
    for (TaskRepository.TreeRow r : rows) {
      Task t = byId.get(r.id());
      if (t != null && access.canSee(t)) {
        nodes.add(
            new TaskTreeResponse.Node(
                r.depth(),
                TaskResponse.of(
                    t,
                    children.getOrDefault(t.id, TaskResponse.Children.NONE),
                    coordinators.getOrDefault(t.id, List.of()),
                    today)));
      }
    }
    return new TaskTreeResponse(id, nodes);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DueDateChange> dueDates(UUID id) {
    access.visible(id);
    return repo.dueDates(id);
  }

  // ------------------------------------------------------------------ writes

  @Transactional
  public TaskResponse create(TaskRequest req) {
    return createNew(UUID.randomUUID(), req, sources.claim(provenance(req, null)));
  }

  /**
   * {@code PUT /tasks/{id}}: creates the task with the client's id (by the rules of {@link
   * #create}) or replaces it (by the rules of {@link SourceWrites#replace} and of an edit).
   */
  @Transactional
  public Upserted<TaskResponse> upsert(UUID id, Preconditions pre, TaskRequest req) {
    Provenance incoming = provenance(req, null);
    Task t = Task.findById(id);
    if (t == null) {
      return new Upserted<>(
          UpsertOutcome.CREATED, createNew(id, req, sources.create(pre, incoming, LABEL)));
    }
    return replace(t, pre, incoming, req);
  }

  /** {@code PUT /tasks/by-source/{sourceSystem}/{sourceId}}: {@link #upsert} by source key. */
  @Transactional
  public Upserted<TaskResponse> upsertBySource(SourceKey key, Preconditions pre, TaskRequest req) {
    Provenance incoming = provenance(req, key);
    Task t = repo.bySource(key);
    if (t == null) {
      return new Upserted<>(
          UpsertOutcome.CREATED,
          createNew(UUID.randomUUID(), req, sources.create(pre, incoming, LABEL)));
    }
    return replace(t, pre, incoming, req);
  }

  /**
   * The provenance a request names: its key checked (400 at {@code /sourceSystem}, {@code
   * /sourceId}), the caller's own system when only {@code sourceId} is given, and the path's key
   * ({@code pathKey}, by-source) which a key in the body must equal.
   */
  Provenance provenance(TaskRequest req, SourceKey pathKey) {
    return provenance(
        req.sourceSystem(),
        req.sourceId(),
        req.sourceVersion(),
        req.sourceUpdatedAt(),
        pathKey,
        user.sourceSystem());
  }

  static Provenance provenance(
      String system,
      String id,
      Long version,
      OffsetDateTime updatedAt,
      SourceKey pathKey,
      Optional<String> callerSystem) {
    if (pathKey != null) {
      pathKey.requireBodyMatches(system, id);
      return new Provenance(pathKey.system(), pathKey.id(), version, updatedAt);
    }
    if (system == null && id == null) {
      return new Provenance(null, null, version, updatedAt);
    }
    if (id == null) {
      throw ApiException.invalid("/sourceId", "field.REQUIRED");
    }
    String sys = system != null ? system : callerSystem.orElse(null);
    if (sys == null) {
      throw ApiException.invalid("/sourceSystem", "field.REQUIRED");
    }
    SourceKey key = SourceKey.of(sys, id, "/sourceSystem", "/sourceId");
    return new Provenance(key.system(), key.id(), version, updatedAt);
  }

  /** A source version or time needs a source key, the request's or the stored one (400). */
  static void requireKeyForVersion(Provenance stored, Provenance incoming) {
    if (!stored.owned()
        && !incoming.owned()
        && (incoming.sourceVersion() != null || incoming.sourceUpdatedAt() != null)) {
      throw ApiException.invalid("/sourceSystem", "field.REQUIRED");
    }
  }

  /** 409 DUPLICATE when another task already has the source key. */
  private void requireKeyFree(SourceKey key, UUID id) {
    UUID other = repo.idBySource(key);
    if (other != null && !other.equals(id)) {
      throw duplicateKey();
    }
  }

  static ApiException duplicateKey() {
    return new ApiException(
        409,
        "DUPLICATE",
        List.of(ApiException.FieldError.of("/sourceId", "field.SOURCE_KEY_IN_USE")));
  }

  private TaskResponse createNew(UUID id, TaskRequest req, Provenance provenance) {
    requireKeyForVersion(Provenance.NONE, provenance);
    if (provenance.owned()) {
      requireKeyFree(provenance.key(), id);
    }
    TaskValidator.Errors errors = new TaskValidator.Errors();
    Task parent =
        req.parentId() == null ? null : validator.parentFor(req.parentId(), "/parentId", errors);
    Task t = validator.prepare(req, "", parent, errors, today());
    errors.throwIfAny();
    t.id = id;
    t.provenance(provenance);
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
    TaskValidator.Errors errors = new TaskValidator.Errors();
    long validating = System.nanoTime();
    List<Task> prepared = validator.prepareAll(directiveId, req, today, errors);
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

  /**
   * The replace of an upsert: the caller edits the assignment ({@link TaskAccess#requireAssigner}),
   * the source rules decide (ownership, order, preconditions), and a request equal to the stored
   * task (with its own assigning unit and day when left out) writes nothing.
   */
  private Upserted<TaskResponse> replace(
      Task t, Preconditions pre, Provenance incoming, TaskRequest req) {
    if (!access.canSee(t)) {
      throw ApiException.notFound(LABEL);
    }
    access.requireWritable(t);
    access.requireAssigner(t);
    Provenance stored = t.provenance();
    requireKeyForVersion(stored, incoming);
    // an assigning unit left out keeps the task's own (never re-derived from the caller)
    TaskRequest effective = effective(t, req);
    UpsertOutcome outcome = sources.replace(t.version, stored, pre, incoming, t.sameAs(effective));
    if (outcome == UpsertOutcome.UNCHANGED) {
      return new Upserted<>(outcome, response(t));
    }
    if (incoming.owned() && !stored.owned()) {
      requireKeyFree(incoming.key(), t.id);
    }
    return new Upserted<>(outcome, edit(t, effective, SourceWrites.merged(stored, incoming)));
  }

  /** The request with the task's own assigning unit and day where it leaves them out. */
  static TaskRequest effective(Task t, TaskRequest req) {
    return req.withAssigningUnitId(
            req.assigningUnitId() != null ? req.assigningUnitId() : t.assigningUnitId)
        .withAssignedOn(req.assignedOn() != null ? req.assignedOn() : t.assignedOn);
  }

  /**
   * Edits the assignment: the parent and the recurrence are fixed; the lead unit only while the
   * task is NEW; the due date too, unless a source system owns the task (its due date is the
   * source's, extensions decided there).
   */
  private TaskResponse edit(Task t, TaskRequest effective, Provenance provenance) {
    if (!Objects.equals(effective.parentId(), t.parentId)) {
      throw ApiException.conflict("TASK_PARENT_FIXED");
    }
    if (!TaskValidator.sameRecurrence(effective.recurrence(), t.recurrence())) {
      throw ApiException.conflict("TASK_RECURRENCE_FIXED");
    }
    if (!Objects.equals(effective.leadUnitId(), t.leadUnitId) && t.status != TaskStatus.NEW) {
      throw ApiException.conflict("TASK_LEAD_UNIT_FIXED");
    }
    if (!Objects.equals(effective.dueDate(), t.dueDate)
        && t.status != TaskStatus.NEW
        && !t.provenance().owned()) {
      throw ApiException.conflict("TASK_DUE_DATE_FIXED");
    }
    LocalDate today = today();
    TaskValidator.Errors errors = new TaskValidator.Errors();
    Task parent = t.parentId == null || t.seriesId != null ? null : Task.<Task>findById(t.parentId);
    Task next = validator.prepare(effective, "", parent, errors, today);
    if (effective.dueDate() != null && !Objects.equals(effective.dueDate(), t.dueDate)) {
      LocalDate latestChild = repo.latestChildDue(t.id);
      if (latestChild != null && effective.dueDate().isBefore(latestChild)) {
        errors.invalid("/dueDate", "field.DUE_BEFORE_CHILDREN", latestChild);
      }
    }
    errors.throwIfAny();
    TaskResponse before = response(t);
    boolean dueChanged = !Objects.equals(next.dueDate, t.dueDate);
    if (!t.leadUnitId.equals(next.leadUnitId)) {
      // a new lead from today (or from when the current one took over, if later): the lead
      // history keeps who led before, with its place in the tree on that day
      LocalDate since = t.leadSince;
      if (since == null || since.isBefore(today)) {
        since = today.isBefore(next.assignedOn) ? next.assignedOn : today;
      }
      t.changeLead(
          next.leadUnitId,
          units
              .find(next.leadUnitId, since)
              .filter(OrgUnitResponse::active)
              .map(u -> u.path().toArray(UUID[]::new))
              .orElse(next.leadUnitPath),
          since);
    }
    t.edit(next, now());
    t.provenance(provenance);
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
    Task t = access.visible(id);
    access.requireWritable(t);
    sources.requireOwner(t.provenance(), t.version);
    ETags.check(expectedVersion, t.version);
    if (t.status != TaskStatus.NEW) {
      throw ApiException.conflict("TASK_NOT_NEW");
    }
    if (t.recurrenceFrequency != null) {
      recurrence.deleteOccurrences(t);
    } else if (repo.childCount(t.id) > 0) {
      throw ApiException.conflict("TASK_HAS_CHILDREN");
    }
    audit.deleted(ENTITY, t.id, t.leadUnitId, response(t));
    t.delete();
    em.flush();
  }

  @Transactional
  public TaskResponse transition(UUID id, long expectedVersion, TaskTransitionRequest req) {
    Task t = access.visible(id);
    access.requireWritable(t);
    sources.requireOwner(t.provenance(), t.version);
    ETags.check(expectedVersion, t.version);
    t.requireAllowed(req.action());
    LocalDate today = today();
    TaskResponse before = response(t);
    String note = null;
    switch (req.action()) {
      case START -> t.start(now());
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
        note = req.resultNote().trim();
        t.complete(day, note, now());
      }
      case CANCEL -> {
        if (blank(req.reason())) {
          throw ApiException.invalid("/reason", "field.REQUIRED");
        }
        note = req.reason().trim();
        t.cancel(note, now());
      }
      case REOPEN -> {
        if (t.parentId != null) {
          Task parent = Task.findById(t.parentId);
          if (parent != null && !parent.status.open()) {
            throw ApiException.conflict("TASK_PARENT_NOT_OPEN");
          }
        }
        note = req.reason();
        t.reopen(now());
      }
    }
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
    for (TaskRepository.Cancelled c : repo.cancelOpenDescendants(t.id, t.cancelReason, now())) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("status", TaskStatus.CANCELLED.name());
      after.put("cancelReason", t.cancelReason);
      after.put("cancelledWithTaskId", t.id);
      changes.add(
          new AuditTrail.Change(
              c.id(), c.leadUnitId(), c.version(), Map.of("status", c.statusBefore()), after));
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
    Task parent = access.visible(id);
    // the children are assigned by the parent's lead unit: the caller acts for it
    access.requireWritable(parent);
    access.requireLead(parent);
    parent.requireDelegable();
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
    TaskValidator.Errors errors = new TaskValidator.Errors();
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
      Task t = validator.prepare(child, prefix, parent, errors, today);
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

  // ------------------------------------------------------------------ recurrence

  /** The daily run: every open series gets its next occurrence ({@link TaskRecurrence}). */
  public int extendAllSeries() {
    return recurrence.extendAllSeries();
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

  // ------------------------------------------------------------------ writing new tasks

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
      recurrence.extendSeries(t, today());
    }
  }

  /**
   * {@link #persistNew} for many tasks at once, set-based and outside the persistence context: the
   * tasks and their coordinating units in JDBC batches (multi-row inserts, so the task table's
   * statement triggers run once per batch), then their initial due dates, audit events and
   * change-log entries (one per task, as {@link #persistNew} writes them) in a few statements.
   * Managed entities would cost a dirty check of every task at each flush.
   */
  List<TaskResponse> persistAll(List<Task> tasks, LocalDate today) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    Instant at = now();
    for (Task t : tasks) {
      t.createdAt = at;
      t.updatedAt = at;
      if (t.originalDueDate == null) {
        t.originalDueDate = t.dueDate;
      }
    }
    repo.insertAll(tasks);
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
        recurrence.extendSeries(t, today);
      }
    }
    return created;
  }

  // ------------------------------------------------------------------ helpers

  private List<TaskResponse> responses(List<Task> rows) {
    Map<UUID, TaskResponse.Children> children =
        repo.children(rows.stream().map(t -> t.id).toList());
    LocalDate today = today();
    return rows.stream()
        .map(
            t -> TaskResponse.of(t, children.getOrDefault(t.id, TaskResponse.Children.NONE), today))
        .toList();
  }

  TaskResponse response(Task t) {
    return TaskResponse.of(
        t, repo.children(List.of(t.id)).getOrDefault(t.id, TaskResponse.Children.NONE), today());
  }

  private LocalDate today() {
    return BusinessTime.today(clock);
  }

  private Instant now() {
    return Instant.now(clock);
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

  // ------------------------------------------------------------------ for the demo data

  /** Whether any task implements the document, whatever the caller's scope: one query. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean existsForDirective(UUID directiveId) {
    return repo.existsForDirective(directiveId);
  }
}
