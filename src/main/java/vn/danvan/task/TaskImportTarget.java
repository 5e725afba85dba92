package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;
import vn.danvan.shared.time.BusinessTime;

/**
 * Bulk import of tasks ({@code type=TASK}), by the rules of {@code PUT /tasks/{id}} and {@code PUT
 * /tasks/by-source/...} for each item, set-based for the batch: the existing tasks of all keys in
 * one query, the units of all items on their days and the caller's scope of them in two more, the
 * checks in memory; then the new tasks, their coordinating units, initial due dates, audit events
 * and change-feed entries in JDBC batches (multi-row statements), and the replaced tasks in one
 * flush. An item that fails a check is answered with its problem and nothing of it is written.
 */
@ApplicationScoped
class TaskImportTarget implements ImportTarget<TaskImportItem> {

  static final String TYPE = "TASK";
  private static final Logger LOG = Logger.getLogger(TaskImportTarget.class);

  private static final List<CsvColumn> CSV =
      List.of(
          new CsvColumn("Mã", "id"),
          new CsvColumn("Hệ thống nguồn", "sourceSystem"),
          new CsvColumn("Mã nguồn", "sourceId"),
          new CsvColumn("Phiên bản nguồn", "sourceVersion"),
          new CsvColumn("Thời điểm cập nhật nguồn", "sourceUpdatedAt"),
          new CsvColumn("Tên nhiệm vụ", "title"),
          new CsvColumn("Nội dung", "description"),
          new CsvColumn("Đơn vị chủ trì", "leadUnitId"),
          new CsvColumn("Người chịu trách nhiệm", "responsiblePerson"),
          new CsvColumn("Đơn vị phối hợp", "coordinatingUnitIds"),
          new CsvColumn("Đơn vị giao việc", "assigningUnitId"),
          new CsvColumn("Ngày giao", "assignedOn"),
          new CsvColumn("Hạn hoàn thành", "dueDate"),
          new CsvColumn("Sản phẩm", "expectedResult"),
          new CsvColumn("Văn bản chỉ đạo", "directiveId"),
          new CsvColumn("Mục văn bản", "directiveItem"),
          new CsvColumn("Mức độ ưu tiên", "priority"),
          new CsvColumn("Trọng số", "weight"),
          new CsvColumn("Nhiệm vụ cha", "parentId"));

  @Inject TaskRepository repo;
  @Inject TaskValidator validator;
  @Inject TaskAccess access;
  @Inject TaskService tasks;
  @Inject TaskRecurrence recurrence;
  @Inject SourceWrites sources;
  @Inject OrgUnitService units;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject EntityManager em;
  @Inject Clock clock;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<TaskImportItem> itemType() {
    return TaskImportItem.class;
  }

  @Override
  public List<CsvColumn> csvColumns() {
    return CSV;
  }

  /** An item with its key resolved. */
  private record Keyed(int index, TaskImportItem item, UUID id, Provenance incoming) {}

  /** An existing task to replace: the entity, the checked new content, the provenance. */
  private record Replace(int index, Task task, Task next, Provenance provenance) {}

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public List<ImportItemResult> apply(List<TaskImportItem> items) {
    long started = System.nanoTime();
    ImportItemResult[] results = new ImportItemResult[items.size()];
    LocalDate today = BusinessTime.today(clock);
    List<Keyed> keyed = keys(items, results);

    // the existing tasks of every key, and their coordinating units: two queries
    Set<UUID> ids = new HashSet<>();
    Set<SourceKey> sourceKeys = new HashSet<>();
    for (Keyed k : keyed) {
      if (k.id() != null) {
        ids.add(k.id());
      }
      if (k.incoming().owned()) {
        sourceKeys.add(k.incoming().key());
      }
    }
    Map<UUID, Task> byId = new HashMap<>();
    Map<SourceKey, Task> byKey = new HashMap<>();
    for (Task t : repo.byIdsOrSourceKeys(ids, sourceKeys)) {
      byId.put(t.id, t);
      if (t.sourceSystem != null) {
        byKey.put(new SourceKey(t.sourceSystem, t.sourceId), t);
      }
    }
    Map<UUID, List<UUID>> coordinating = repo.coordinators(byId.keySet());

    // the units of every item on its day, the caller's scope of them, the parents: a few queries
    Set<OrgUnitService.UnitDay> unitDays = new HashSet<>();
    Set<UUID> parentIds = new HashSet<>();
    for (Keyed k : keyed) {
      TaskImportItem i = k.item();
      Task existing = k.id() == null ? null : byId.get(k.id());
      if (existing == null && k.incoming().owned()) {
        existing = byKey.get(k.incoming().key());
      }
      LocalDate day =
          i.assignedOn() != null ? i.assignedOn() : existing != null ? existing.assignedOn : today;
      addUnit(unitDays, i.leadUnitId(), day);
      addUnit(unitDays, i.assigningUnitId(), day);
      if (i.coordinatingUnitIds() != null) {
        i.coordinatingUnitIds().forEach(u -> addUnit(unitDays, u, day));
      }
      if (existing != null) {
        addUnit(unitDays, existing.leadUnitId, day);
        addUnit(unitDays, existing.assigningUnitId, day);
        coordinating.getOrDefault(existing.id, List.of()).forEach(u -> addUnit(unitDays, u, day));
      }
      if (i.parentId() != null) {
        parentIds.add(i.parentId());
      }
    }
    Map<UUID, Task> parents = repo.byIds(List.copyOf(parentIds));

    long looked = System.nanoTime();
    List<Task> created = new ArrayList<>();
    List<Integer> createdIndex = new ArrayList<>();
    List<Replace> replaced = new ArrayList<>();
    validator.withLookups(
        unitDays,
        parents,
        () -> {
          for (Keyed k : keyed) {
            try {
              Task existing = match(k, byId, byKey);
              if (existing == null) {
                created.add(prepareNew(k, today));
                createdIndex.add(k.index());
              } else {
                Replace r =
                    prepareReplace(
                        k,
                        existing,
                        coordinating.getOrDefault(existing.id, List.of()),
                        parents,
                        today);
                if (r == null) {
                  results[k.index()] = ImportItemResult.of(UpsertOutcome.UNCHANGED, existing.id);
                } else {
                  replaced.add(r);
                }
              }
            } catch (ApiException e) {
              results[k.index()] = ImportItemResult.failed(e);
            }
          }
          return null;
        });

    long checked = System.nanoTime();
    writeNew(created, today);
    long inserted = System.nanoTime();
    for (int n = 0; n < created.size(); n++) {
      results[createdIndex.get(n)] = ImportItemResult.of(UpsertOutcome.CREATED, created.get(n).id);
    }
    writeReplaced(replaced, coordinating, today);
    for (Replace r : replaced) {
      results[r.index()] = ImportItemResult.of(UpsertOutcome.UPDATED, r.task().id);
    }
    if (LOG.isDebugEnabled()) {
      long done = System.nanoTime();
      LOG.debugf(
          "TASK import of %d items: %d created, %d updated; lookups %d ms, checks %d ms, creates %d"
              + " ms, replaces %d ms",
          items.size(),
          created.size(),
          replaced.size(),
          (looked - started) / 1_000_000,
          (checked - looked) / 1_000_000,
          (inserted - checked) / 1_000_000,
          (done - inserted) / 1_000_000);
    }
    return Arrays.asList(results);
  }

  /** Each item's key (id, source key or both); items without one, or repeating one, fail. */
  private List<Keyed> keys(List<TaskImportItem> items, ImportItemResult[] results) {
    List<Keyed> keyed = new ArrayList<>(items.size());
    Set<UUID> seenIds = new HashSet<>();
    Set<SourceKey> seenKeys = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      TaskImportItem item = items.get(i);
      try {
        Provenance incoming =
            TaskService.provenance(
                item.sourceSystem(),
                item.sourceId(),
                item.sourceVersion(),
                item.sourceUpdatedAt(),
                null,
                user.sourceSystem());
        if (item.id() == null && !incoming.owned()) {
          throw ApiException.invalid("/id", "field.ID_OR_SOURCE_ID");
        }
        if (item.id() != null && !seenIds.add(item.id())) {
          throw duplicateItem("/id");
        }
        if (incoming.owned() && !seenKeys.add(incoming.key())) {
          throw duplicateItem("/sourceId");
        }
        keyed.add(new Keyed(i, item, item.id(), incoming));
      } catch (ApiException e) {
        results[i] = ImportItemResult.failed(e);
      }
    }
    return keyed;
  }

  private static ApiException duplicateItem(String pointer) {
    return new ApiException(
        409, "DUPLICATE", List.of(ApiException.FieldError.of(pointer, "field.DUPLICATE_ITEM")));
  }

  /** The task an item names: by id, else by source key; 409 when the two name different tasks. */
  private static Task match(Keyed k, Map<UUID, Task> byId, Map<SourceKey, Task> byKey) {
    Task t = k.id() == null ? null : byId.get(k.id());
    Task bySource = k.incoming().owned() ? byKey.get(k.incoming().key()) : null;
    if (bySource != null && (k.id() != null && !bySource.id.equals(k.id()))) {
      throw TaskService.duplicateKey();
    }
    return t != null ? t : bySource;
  }

  private static void addUnit(Set<OrgUnitService.UnitDay> out, UUID unit, LocalDate day) {
    if (unit != null) {
      out.add(new OrgUnitService.UnitDay(unit, day));
    }
  }

  /** A new task from an item, by the rules of POST (and of a create by PUT). */
  private Task prepareNew(Keyed k, LocalDate today) {
    Provenance provenance = sources.create(Preconditions.IMPORT, k.incoming(), TaskService.LABEL);
    TaskService.requireKeyForVersion(Provenance.NONE, provenance);
    TaskRequest req = k.item().request();
    TaskValidator.Errors errors = new TaskValidator.Errors();
    Task parent =
        req.parentId() == null ? null : validator.parentFor(req.parentId(), "/parentId", errors);
    Task t = validator.prepare(req, "", parent, errors, today);
    errors.throwIfAny();
    if (k.id() != null) {
      t.id = k.id();
    }
    t.provenance(provenance);
    return t;
  }

  /** The replace of an existing task by an item, or null when the item changes nothing. */
  private Replace prepareReplace(
      Keyed k, Task t, List<UUID> coordinatingNow, Map<UUID, Task> parents, LocalDate today) {
    if (!access.canSee(t, coordinatingNow)) {
      throw ApiException.notFound(TaskService.LABEL);
    }
    access.requireWritable(t);
    access.requireAssigner(t);
    Provenance stored = t.provenance();
    TaskService.requireKeyForVersion(stored, k.incoming());
    TaskRequest req = TaskService.effective(t, k.item().request());
    UpsertOutcome outcome =
        sources.replace(
            t.version, stored, Preconditions.IMPORT, k.incoming(), t.sameAs(req, coordinatingNow));
    if (outcome == UpsertOutcome.UNCHANGED) {
      return null;
    }
    if (!Objects.equals(req.parentId(), t.parentId)) {
      throw ApiException.conflict("TASK_PARENT_FIXED");
    }
    if (!TaskValidator.sameRecurrence(req.recurrence(), t.recurrence())) {
      throw ApiException.conflict("TASK_RECURRENCE_FIXED");
    }
    if (!Objects.equals(req.leadUnitId(), t.leadUnitId) && t.status != TaskStatus.NEW) {
      throw ApiException.conflict("TASK_LEAD_UNIT_FIXED");
    }
    if (!Objects.equals(req.dueDate(), t.dueDate)
        && t.status != TaskStatus.NEW
        && !stored.owned()) {
      throw ApiException.conflict("TASK_DUE_DATE_FIXED");
    }
    TaskValidator.Errors errors = new TaskValidator.Errors();
    // the parent as stored (it bounds the due date), whatever its status: the item names it
    Task parent =
        t.parentId == null || t.seriesId != null
            ? null
            : parents.computeIfAbsent(t.parentId, id -> Task.<Task>findById(id));
    Task next = validator.prepare(req, "", parent, errors, today);
    if (req.dueDate() != null && !Objects.equals(req.dueDate(), t.dueDate)) {
      LocalDate latestChild = repo.latestChildDue(t.id);
      if (latestChild != null && req.dueDate().isBefore(latestChild)) {
        errors.invalid("/dueDate", "field.DUE_BEFORE_CHILDREN", latestChild);
      }
    }
    errors.throwIfAny();
    if (k.incoming().owned() && !stored.owned()) {
      UUID other = repo.idBySource(k.incoming().key());
      if (other != null && !other.equals(t.id)) {
        throw TaskService.duplicateKey();
      }
    }
    return new Replace(k.index(), t, next, SourceWrites.merged(stored, k.incoming()));
  }

  /** The new tasks, their initial due dates, audit events and change-feed entries, in batches. */
  private void writeNew(List<Task> created, LocalDate today) {
    tasks.persistAll(created, today);
  }

  /** The replaced tasks in one flush, their coordinating units and audit in a few statements. */
  private void writeReplaced(
      List<Replace> replaced, Map<UUID, List<UUID>> coordinatingBefore, LocalDate today) {
    if (replaced.isEmpty()) {
      return;
    }
    Instant at = Instant.now(clock);
    Map<UUID, TaskResponse.Children> children =
        repo.children(replaced.stream().map(r -> r.task().id).toList());
    List<TaskResponse> before = new ArrayList<>(replaced.size());
    Map<UUID, List<Task.Coordinator>> coordinators = new LinkedHashMap<>();
    List<Task> dueChanged = new ArrayList<>();
    List<Task> edited = new ArrayList<>(replaced.size());
    for (Replace r : replaced) {
      Task t = r.task();
      // written below by one set-based update, not by Hibernate's row-by-row flush (the task
      // table's statement triggers would run once per row): out of the persistence context first
      em.detach(t);
      edited.add(t);
      before.add(
          TaskResponse.of(
              t,
              children.getOrDefault(t.id, TaskResponse.Children.NONE),
              coordinatingBefore.getOrDefault(t.id, List.of()),
              today));
      if (!Objects.equals(r.next().dueDate, t.dueDate)) {
        dueChanged.add(t);
      }
      if (!t.leadUnitId.equals(r.next().leadUnitId)) {
        LocalDate since = t.leadSince;
        if (since == null || since.isBefore(today)) {
          since = today.isBefore(r.next().assignedOn) ? r.next().assignedOn : today;
        }
        t.changeLead(
            r.next().leadUnitId,
            units
                .find(r.next().leadUnitId, since)
                .filter(OrgUnitResponse::active)
                .map(u -> u.path().toArray(UUID[]::new))
                .orElse(r.next().leadUnitPath),
            since);
      }
      t.editFields(r.next(), at);
      t.provenance(r.provenance());
      coordinators.put(t.id, r.next().coordinators);
    }
    repo.updateAll(edited);
    repo.replaceCoordinators(coordinators);
    for (Task t : dueChanged) {
      repo.recordDueDate(t.id, t.dueDate, DueDateSource.EDIT, null, user.username(), at);
    }
    List<AuditTrail.Change> changes = new ArrayList<>(replaced.size());
    for (int n = 0; n < replaced.size(); n++) {
      Task t = replaced.get(n).task();
      TaskResponse after =
          TaskResponse.of(
              t,
              children.getOrDefault(t.id, TaskResponse.Children.NONE),
              coordinators.get(t.id).stream().map(c -> c.unitId).toList(),
              today);
      changes.add(new AuditTrail.Change(t.id, t.leadUnitId, t.version, before.get(n), after));
    }
    audit.recordAll("UPDATE", TaskService.ENTITY, AuditTrail.Operation.UPSERT, changes, null);
  }
}
