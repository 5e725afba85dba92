package vn.danvan.task;

import static vn.danvan.shared.persistence.PgTypes.instant;
import static vn.danvan.shared.persistence.PgTypes.toDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.TreeRevision;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;
import vn.danvan.shared.source.SourceKey;

/** SQL of the feature: keyset pages, tree walks, histories and the four-state aggregate. */
@ApplicationScoped
class TaskRepository {

  static final String OPEN = "t.status in ('NEW','IN_PROGRESS')";

  /** Rows per JDBC batch of the bulk writes. */
  private static final int BATCH = 1000;

  /** Readable by a restricted caller: led, or coordinated, by a unit of the caller's scope. */
  static final String VISIBLE =
      "(t.lead_unit_path && cast(:roots as uuid[]) or exists (select 1 from task_coordinator c"
          + " where c.task_id = t.id and c.unit_path && cast(:roots as uuid[])))";

  /** The search text; the same expression backs the trigram index task_fold. */
  static final String SEARCH_TEXT =
      "danvan_fold(t.title || ' ' || t.description || ' ' || coalesce(t.directive_item, ''))";

  @Inject EntityManager em;
  @Inject com.fasterxml.jackson.databind.ObjectMapper mapper;

  /** A row of a page: the task, its children's aggregates and its coordinating units. */
  record PageRow(Task task, TaskResponse.Children children, List<UUID> coordinators) {}

  /** The rows of a page and the tree's revision the statement read (null when no row came back). */
  record PageRows(List<PageRow> rows, TreeRevision revision) {}

  /**
   * The aggregates of the direct children of {@code t} ({@link #children}): one row, a count of 0
   * without children. Through the index task_parent, once per row of the page.
   */
  private static final String CHILDREN_OF_T =
      "select count(*) as n,"
          + " sum(coalesce(c.weight, 1) * case when c.status = 'DONE' then 100 else c.progress end)"
          + "   filter (where c.status <> 'CANCELLED')"
          + " / nullif(sum(coalesce(c.weight, 1)) filter (where c.status <> 'CANCELLED'), 0)"
          + " as progress,"
          + " max(c.due_date) filter (where c.status <> 'CANCELLED') as due"
          + " from task c where c.parent_id = t.id";

  /**
   * One page of the list in one statement: the tasks matching {@code query} in its order, after the
   * row whose sort key is {@code afterKey} and id {@code afterId} when given, each with its
   * children's aggregates and coordinating units, and the tree's revision of the statement's
   * snapshot. {@code today} is the day of the state filter. The page is an ordered scan that stops
   * after {@code fetch} rows; the columns beyond the task are computed for those rows only.
   */
  PageRows page(TaskQuery query, LocalDate today, Object afterKey, UUID afterId, int fetch) {
    SqlWhere where = where(query, today);
    TaskSort sort = query.sort();
    String column = sort.byDue ? "t.sort_due" : "t.updated_at";
    String dir = sort.desc ? " desc" : "";
    if (afterId != null) {
      where
          .add("(" + column + ", t.id) " + (sort.desc ? "<" : ">") + " (:afterKey, :afterId)")
          .param("afterKey", afterKey)
          .param("afterId", afterId);
    }
    Query q =
        em.createNativeQuery(
            "select t.*, ch.n as page_child_count, ch.progress as page_derived_progress,"
                + " ch.due as page_derived_due,"
                + " array(select tc.unit_id from task_coordinator tc where tc.task_id = t.id)"
                + " as page_coordinators, "
                + OrgUnitService.TREE_REVISION_COLUMNS
                + " from task t cross join lateral ("
                + CHILDREN_OF_T
                + ") ch where "
                + where.sql()
                + " order by "
                + column
                + dir
                + ", t.id"
                + dir
                + " limit :fetch",
            Task.PAGE_ROW);
    // read, never written back: no snapshot to keep, nothing to dirty-check
    q.setHint(HibernateHints.HINT_READ_ONLY, true);
    List<PageRow> rows = new ArrayList<>();
    TreeRevision revision = null;
    for (Object o : where.bind(q).setParameter("fetch", fetch).getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(
          new PageRow(
              (Task) r[0],
              new TaskResponse.Children(PgTypes.intValue(r[1]), progress(r[2]), toDate(r[3])),
              List.of(PgTypes.uuids(r[4]))));
      revision = new TreeRevision(PgTypes.longValue(r[5]), PgTypes.longValue(r[6]));
    }
    return new PageRows(rows, revision);
  }

  /** A derived progress as the API shows it: at most two decimals, no trailing zeros. */
  private static BigDecimal progress(Object o) {
    return o == null
        ? null
        : new BigDecimal(o.toString()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static SqlWhere where(TaskQuery query, LocalDate today) {
    SqlWhere where = new SqlWhere();
    TaskQuery.Unit unit = query.unit();
    if (unit != null) {
      OrgUnitMode mode = unit.mode() == null ? OrgUnitMode.SELECTED : unit.mode();
      String lead = leadCondition(unit.depth(), mode);
      String coordinating =
          "exists (select 1 from task_coordinator c where c.task_id = t.id and "
              + UnitFilter.condition("c.unit_id", "c.unit_path", "unit", mode)
              + ")";
      String condition =
          switch (unit.role() == null ? TaskRole.LEAD : unit.role()) {
            case LEAD -> lead;
            case COORDINATING -> coordinating;
            case ANY -> "(" + lead + ") or " + coordinating;
          };
      where.add(condition);
      // the root's whole subtree is "true": no parameter to bind (an unused one is refused)
      if (condition.contains(":unit")) {
        where.param("unit", unit.id());
      }
    }
    if (query.state() != null) {
      String predicate = query.state().predicate();
      where.add(predicate);
      if (predicate.contains(":today")) {
        where.param("today", today);
      }
    }
    where
        .addIfPresent(
            "t.status = :status", "status", query.status() == null ? null : query.status().name())
        .addIfPresent("t.directive_id = :directive", "directive", query.directiveId())
        .addIfPresent("t.parent_id = :parent", "parent", query.parentId())
        .addIfPresent("t.due_date >= :dueFrom", "dueFrom", query.dueFrom())
        .addIfPresent("t.due_date <= :dueTo", "dueTo", query.dueTo())
        .addIfPresent(
            SEARCH_TEXT + " like '%' || danvan_fold(:q) || '%' escape '\\'",
            "q",
            query.q() == null ? null : escapeLike(query.q()));
    if (query.roots() != null) {
      where.add(VISIBLE, "roots", PgTypes.uuidArray(query.roots()));
    }
    return where;
  }

  /**
   * The lead unit's condition of the list, by its stored path: the rule of {@link UnitFilter} with
   * a faster subtree. A unit at depth 1..4 (the root; province; district, commune or department;
   * commune or department) has its own generated column and btree, so the list is an ordered range
   * scan; deeper units use the GIN index on the path.
   */
  static String leadCondition(int depth, OrgUnitMode mode) {
    String subtree =
        depth == 1
            ? "true"
            : depth <= 4
                ? "t.unit_at_" + depth + " = :unit"
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

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The tasks of {@code ids}, in that order (missing ones left out). */
  Map<UUID, Task> byIds(List<UUID> ids) {
    Map<UUID, Task> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Map<UUID, Task> found = new HashMap<>();
    for (Task t : Task.<Task>list("id in ?1", ids)) {
      found.put(t.id, t);
    }
    for (UUID id : ids) {
      Task t = found.get(id);
      if (t != null) {
        out.putIfAbsent(id, t);
      }
    }
    return out;
  }

  /** The task with this source key, or null. */
  @SuppressWarnings("unchecked")
  Task bySource(SourceKey key) {
    List<Task> found =
        em.createNativeQuery(
                "select t.* from task t where t.source_system = :s and t.source_id = :i",
                Task.class)
            .setParameter("s", key.system())
            .setParameter("i", key.id())
            .getResultList();
    return found.isEmpty() ? null : found.getFirst();
  }

  /**
   * The tasks with one of {@code ids} or one of the source keys (bulk upserts): one query, the
   * primary key and the source-key index probed once per key.
   */
  @SuppressWarnings("unchecked")
  List<Task> byIdsOrSourceKeys(Collection<UUID> ids, Collection<SourceKey> keys) {
    if (ids.isEmpty() && keys.isEmpty()) {
      return List.of();
    }
    return em.createNativeQuery(
            "select t.* from task t where t.id = any(cast(:ids as uuid[]))"
                + " union all"
                + " select t.* from unnest(cast(:systems as text[]), cast(:sourceIds as text[]))"
                + " as k(s, i) join task t on t.source_system = k.s and t.source_id = k.i"
                + " where t.source_system is not null and t.id <> all(cast(:ids as uuid[]))",
            Task.class)
        .setParameter("ids", PgTypes.uuidArray(ids))
        .setParameter("systems", keys.stream().map(SourceKey::system).toArray(String[]::new))
        .setParameter("sourceIds", keys.stream().map(SourceKey::id).toArray(String[]::new))
        .getResultList();
  }

  /** The tasks of {@code ids} that exist, in no order: one query. */
  @SuppressWarnings("unchecked")
  List<Task> tasks(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNativeQuery(
            "select t.* from task t where t.id = any(cast(:ids as uuid[]))", Task.class)
        .setParameter("ids", PgTypes.uuidArray(ids))
        .getResultList();
  }

  /**
   * New tasks (and their coordinating units) in JDBC batches, which the driver sends as multi-row
   * inserts: the statement triggers of task (tally, lead history) run once per statement.
   */
  void insertAll(List<Task> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    em.flush();
    em.unwrap(org.hibernate.Session.class)
        .doWork(
            connection -> {
              try (java.sql.PreparedStatement insert =
                      connection.prepareStatement(
                          "insert into task (id, parent_id, title, description, lead_unit_id,"
                              + " lead_unit_path, responsible_person, assigning_unit_id,"
                              + " expected_result, assigned_on, due_date, original_due_date,"
                              + " recurrence_frequency, recurrence_day, recurrence_month,"
                              + " recurrence_start, recurrence_end, directive_id, directive_item,"
                              + " priority, weight, status, progress, created_at, updated_at,"
                              + " version, source_system, source_id, source_version,"
                              + " source_updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                              + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, ?, ?, ?, ?)");
                  java.sql.PreparedStatement coordinator =
                      connection.prepareStatement(
                          "insert into task_coordinator (task_id, unit_id, unit_path)"
                              + " values (?, ?, ?)")) {
                int coordinators = 0;
                for (int n = 0; n < tasks.size(); n++) {
                  Task t = tasks.get(n);
                  int i = 1;
                  insert.setObject(i++, t.id);
                  insert.setObject(i++, t.parentId);
                  insert.setString(i++, t.title);
                  insert.setString(i++, t.description);
                  insert.setObject(i++, t.leadUnitId);
                  insert.setArray(i++, connection.createArrayOf("uuid", t.leadUnitPath));
                  insert.setString(i++, t.responsiblePerson);
                  insert.setObject(i++, t.assigningUnitId);
                  insert.setString(i++, t.expectedResult);
                  insert.setObject(i++, t.assignedOn);
                  insert.setObject(i++, t.dueDate);
                  insert.setObject(i++, t.originalDueDate);
                  insert.setString(
                      i++, t.recurrenceFrequency == null ? null : t.recurrenceFrequency.name());
                  insert.setObject(i++, t.recurrenceDay, java.sql.Types.INTEGER);
                  insert.setObject(i++, t.recurrenceMonth, java.sql.Types.INTEGER);
                  insert.setObject(i++, t.recurrenceStart, java.sql.Types.DATE);
                  insert.setObject(i++, t.recurrenceEnd, java.sql.Types.DATE);
                  insert.setObject(i++, t.directiveId);
                  insert.setString(i++, t.directiveItem);
                  insert.setString(i++, t.priority.name());
                  insert.setBigDecimal(i++, t.weight);
                  insert.setString(i++, t.status.name());
                  insert.setObject(i++, PgTypes.timestamp(t.createdAt));
                  insert.setObject(i++, PgTypes.timestamp(t.updatedAt));
                  insert.setString(i++, t.sourceSystem);
                  insert.setString(i++, t.sourceId);
                  insert.setObject(i++, t.sourceVersion, java.sql.Types.BIGINT);
                  insert.setObject(i, PgTypes.timestamp(t.sourceUpdatedAt));
                  insert.addBatch();
                  for (Task.Coordinator c : t.coordinators) {
                    coordinator.setObject(1, t.id);
                    coordinator.setObject(2, c.unitId);
                    coordinator.setArray(3, connection.createArrayOf("uuid", c.unitPath));
                    coordinator.addBatch();
                    coordinators++;
                  }
                  if ((n + 1) % BATCH == 0 || n == tasks.size() - 1) {
                    insert.executeBatch();
                  }
                }
                if (coordinators > 0) {
                  coordinator.executeBatch();
                }
              }
            });
  }

  /**
   * Writes the edited fields of many tasks (a bulk replace) in one statement, so that the table's
   * statement triggers run once, not once per task; each row's version must still be the one read
   * (optimistic lock) and becomes the next. The tasks must not be managed any more (detached), or
   * Hibernate would write them a second time.
   */
  void updateAll(List<Task> tasks) {
    if (tasks.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>(tasks.size());
    for (Task t : tasks) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", t.id);
      row.put("version", t.version);
      row.put("title", t.title);
      row.put("description", t.description);
      row.put("responsible_person", t.responsiblePerson);
      row.put("assigning_unit_id", t.assigningUnitId);
      row.put("expected_result", t.expectedResult);
      row.put("assigned_on", t.assignedOn == null ? null : t.assignedOn.toString());
      row.put("due_date", t.dueDate == null ? null : t.dueDate.toString());
      row.put("recurrence_end", t.recurrenceEnd == null ? null : t.recurrenceEnd.toString());
      row.put("directive_id", t.directiveId);
      row.put("directive_item", t.directiveItem);
      row.put("priority", t.priority.name());
      row.put("weight", t.weight);
      row.put("lead_unit_id", t.leadUnitId);
      row.put("lead_unit_path", t.leadUnitPath);
      row.put("lead_since", t.leadSince == null ? null : t.leadSince.toString());
      row.put("source_system", t.sourceSystem);
      row.put("source_id", t.sourceId);
      row.put("source_version", t.sourceVersion);
      row.put("source_updated_at", t.sourceUpdatedAt == null ? null : t.sourceUpdatedAt.toString());
      row.put("updated_at", t.updatedAt.toString());
      rows.add(row);
    }
    String json;
    try {
      json = mapper.writeValueAsString(rows);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    int updated =
        em.createNativeQuery(
                "update task t set title = x.title, description = x.description,"
                    + " responsible_person = x.responsible_person,"
                    + " assigning_unit_id = x.assigning_unit_id, expected_result = x.expected_result,"
                    + " assigned_on = x.assigned_on, due_date = x.due_date,"
                    + " recurrence_end = x.recurrence_end, directive_id = x.directive_id,"
                    + " directive_item = x.directive_item, priority = x.priority, weight = x.weight,"
                    + " lead_unit_id = x.lead_unit_id, lead_unit_path = x.lead_unit_path,"
                    + " lead_since = x.lead_since, source_system = x.source_system,"
                    + " source_id = x.source_id, source_version = x.source_version,"
                    + " source_updated_at = x.source_updated_at, updated_at = x.updated_at,"
                    + " version = t.version + 1"
                    + " from jsonb_to_recordset(cast(:rows as jsonb)) as x(id uuid, version bigint,"
                    + " title text, description text, responsible_person text,"
                    + " assigning_unit_id uuid, expected_result text, assigned_on date, due_date date,"
                    + " recurrence_end date, directive_id uuid, directive_item text, priority text,"
                    + " weight numeric, lead_unit_id uuid, lead_unit_path uuid[], lead_since date,"
                    + " source_system text, source_id text, source_version bigint,"
                    + " source_updated_at timestamptz, updated_at timestamptz)"
                    + " where t.id = x.id and t.version = x.version")
            .setParameter("rows", json)
            .executeUpdate();
    if (updated != tasks.size()) {
      throw new jakarta.persistence.OptimisticLockException(
          "tasks changed concurrently: " + (tasks.size() - updated) + " of " + tasks.size());
    }
    for (Task t : tasks) {
      t.version++;
    }
  }

  /** The coordinating units of many edited tasks replaced, in two statements. */
  void replaceCoordinators(Map<UUID, List<Task.Coordinator>> byTask) {
    if (byTask.isEmpty()) {
      return;
    }
    em.flush();
    em.createNativeQuery("delete from task_coordinator where task_id = any(cast(:ids as uuid[]))")
        .setParameter("ids", PgTypes.uuidArray(byTask.keySet()))
        .executeUpdate();
    em.unwrap(org.hibernate.Session.class)
        .doWork(
            connection -> {
              try (java.sql.PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into task_coordinator (task_id, unit_id, unit_path)"
                          + " values (?, ?, ?)")) {
                int n = 0;
                for (Map.Entry<UUID, List<Task.Coordinator>> e : byTask.entrySet()) {
                  for (Task.Coordinator c : e.getValue()) {
                    insert.setObject(1, e.getKey());
                    insert.setObject(2, c.unitId);
                    insert.setArray(3, connection.createArrayOf("uuid", c.unitPath));
                    insert.addBatch();
                    n++;
                  }
                }
                if (n > 0) {
                  insert.executeBatch();
                }
              }
            });
  }

  /** The id of the task with this source key, or null. */
  UUID idBySource(SourceKey key) {
    List<?> found =
        em.createNativeQuery(
                "select t.id from task t where t.source_system = :s and t.source_id = :i")
            .setParameter("s", key.system())
            .setParameter("i", key.id())
            .getResultList();
    return found.isEmpty() ? null : PgTypes.uuid(found.getFirst());
  }

  /** Count, derived progress and latest due date of the direct children of each task. */
  Map<UUID, TaskResponse.Children> children(Collection<UUID> ids) {
    Map<UUID, TaskResponse.Children> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object o :
        em.createNativeQuery(
                "select c.parent_id, count(*),"
                    + " sum(coalesce(c.weight, 1) * case when c.status = 'DONE' then 100 else c.progress end)"
                    + "   filter (where c.status <> 'CANCELLED')"
                    + " / nullif(sum(coalesce(c.weight, 1)) filter (where c.status <> 'CANCELLED'), 0),"
                    + " max(c.due_date) filter (where c.status <> 'CANCELLED')"
                    + " from task c where c.parent_id in (:ids) group by c.parent_id")
            .setParameter("ids", ids)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.put(
          PgTypes.uuid(r[0]),
          new TaskResponse.Children(PgTypes.intValue(r[1]), progress(r[2]), toDate(r[3])));
    }
    return out;
  }

  /** The coordinating units of each task, for a page of tasks in one query. */
  Map<UUID, List<UUID>> coordinators(Collection<UUID> ids) {
    Map<UUID, List<UUID>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object o :
        em.createNativeQuery(
                "select task_id, unit_id from task_coordinator where task_id in (:ids)")
            .setParameter("ids", ids)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.computeIfAbsent(PgTypes.uuid(r[0]), k -> new ArrayList<>()).add(PgTypes.uuid(r[1]));
    }
    return out;
  }

  /** The ids from the root of the tree down to the task's parent, root first. */
  @SuppressWarnings("unchecked")
  List<UUID> ancestorIds(UUID id) {
    return em.createNativeQuery(
            "with recursive up(id, parent_id, n) as ("
                + " select t.id, t.parent_id, 0 from task t where t.id = :id"
                + " union all select p.id, p.parent_id, up.n + 1 from up join task p on p.id = up.parent_id"
                + " where up.n < 1000)"
                + " select id from up where n > 0 order by n desc")
        .setParameter("id", id)
        .getResultList();
  }

  /** A task of a subtree and its depth below the subtree's root (0 for the root). */
  record TreeRow(UUID id, int depth) {}

  /** The subtree below a task, depth first by due date, at most {@code cap} rows. */
  List<TreeRow> subtree(UUID id, int maxDepth, int cap) {
    List<TreeRow> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "with recursive down(id, depth, ord) as ("
                    + " select t.id, 0, array[]::text[] from task t where t.id = :id"
                    + " union all select c.id, d.depth + 1,"
                    + "   d.ord || (to_char(c.sort_due, 'YYYYMMDD') || c.id::text)"
                    + " from down d join task c on c.parent_id = d.id where d.depth < :max)"
                    + " select id, depth from down order by ord limit :cap")
            .setParameter("id", id)
            .setParameter("max", maxDepth)
            .setParameter("cap", cap)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new TreeRow(PgTypes.uuid(r[0]), PgTypes.intValue(r[1])));
    }
    return out;
  }

  boolean hasOpenChildren(UUID id) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from task t where t.parent_id = :id and " + OPEN + ")")
            .setParameter("id", id)
            .getSingleResult();
  }

  LocalDate latestChildDue(UUID id) {
    return toDate(
        em.createNativeQuery(
                "select max(due_date) from task where parent_id = :id and status <> 'CANCELLED'")
            .setParameter("id", id)
            .getSingleResult());
  }

  long childCount(UUID id) {
    return PgTypes.longValue(
        em.createNativeQuery("select count(*) from task where parent_id = :id")
            .setParameter("id", id)
            .getSingleResult());
  }

  /** A task cancelled with an ancestor: its version after, its lead unit, its status before. */
  record Cancelled(UUID id, long version, UUID leadUnitId, String statusBefore) {}

  /** Cancels every open task below {@code id}, with the same reason. */
  List<Cancelled> cancelOpenDescendants(UUID id, String reason, Instant at) {
    List<Cancelled> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "with recursive down(id, status) as (select t.id, t.status from task t where t.parent_id = :id"
                    + " union all select c.id, c.status from down d join task c on c.parent_id = d.id)"
                    + " update task t set status = 'CANCELLED', cancel_reason = :reason,"
                    + " updated_at = :at, version = t.version + 1"
                    + " from down where t.id = down.id and "
                    + OPEN
                    + " returning t.id, t.version, t.lead_unit_id, down.status")
            .setParameter("id", id)
            .setParameter("reason", reason)
            .setParameter("at", PgTypes.timestamp(at))
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Cancelled(
              PgTypes.uuid(r[0]), PgTypes.longValue(r[1]), PgTypes.uuid(r[2]), (String) r[3]));
    }
    return out;
  }

  Map<LocalDate, Boolean> occurrenceDates(UUID seriesId) {
    Map<LocalDate, Boolean> out = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery("select period_date from task where series_id = :s")
            .setParameter("s", seriesId)
            .getResultList()) {
      out.put(toDate(o), true);
    }
    return out;
  }

  /** Open series whose latest occurrence is before {@code until}. */
  @SuppressWarnings("unchecked")
  List<UUID> seriesToExtend(LocalDate until) {
    return em.createNativeQuery(
            "select s.id from task s where s.recurrence_frequency is not null"
                + " and s.status in ('NEW','IN_PROGRESS')"
                + " and (s.recurrence_end is null or s.recurrence_end > coalesce("
                + "   (select max(o.period_date) from task o where o.series_id = s.id), s.recurrence_start - 1))"
                + " and coalesce((select max(o.period_date) from task o where o.series_id = s.id),"
                + "   date '0001-01-01') < :until")
        .setParameter("until", until)
        .getResultList();
  }

  boolean existsForDirective(UUID directiveId) {
    return (Boolean)
        em.createNativeQuery("select exists (select 1 from task where directive_id = :d)")
            .setParameter("d", directiveId)
            .getSingleResult();
  }

  boolean occurrencesStarted(UUID seriesId) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from task where series_id = :s and status <> 'NEW')")
            .setParameter("s", seriesId)
            .getSingleResult();
  }

  /** An occurrence deleted with its series. */
  record DeletedOccurrence(UUID id, UUID leadUnitId, LocalDate periodDate) {}

  /** Deletes the occurrences of a series. */
  List<DeletedOccurrence> deleteOccurrences(UUID seriesId) {
    List<DeletedOccurrence> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "delete from task where series_id = :s returning id, lead_unit_id, period_date")
            .setParameter("s", seriesId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new DeletedOccurrence(PgTypes.uuid(r[0]), PgTypes.uuid(r[1]), toDate(r[2])));
    }
    return out;
  }

  // ------------------------------------------------------------------ due dates

  void recordDueDate(
      UUID taskId, LocalDate due, DueDateSource source, UUID extensionId, String by, Instant at) {
    em.createNativeQuery(
            "insert into task_due_date (id, task_id, due_date, source, extension_id, changed_by, changed_at)"
                + " values (:id, :t, :d, :s, :e, :by, :at)")
        .setParameter("id", UUID.randomUUID())
        .setParameter("t", taskId)
        .setParameter("d", due)
        .setParameter("s", source.name())
        .setParameter("e", extensionId)
        .setParameter("by", by)
        .setParameter("at", PgTypes.timestamp(at))
        .executeUpdate();
  }

  /** The initial due dates of many new tasks, in JDBC batches (bulk creation). */
  void recordInitialDueDates(List<Task> tasks, String by, Instant at) {
    OffsetDateTime when = PgTypes.timestamp(at);
    em.unwrap(org.hibernate.Session.class)
        .doWork(
            connection -> {
              try (java.sql.PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into task_due_date (id, task_id, due_date, source, extension_id,"
                          + " changed_by, changed_at) values (?, ?, ?, ?, null, ?, ?)")) {
                int n = 0;
                for (Task t : tasks) {
                  if (t.dueDate == null) {
                    continue;
                  }
                  insert.setObject(1, UUID.randomUUID());
                  insert.setObject(2, t.id);
                  insert.setObject(3, t.dueDate);
                  insert.setString(4, DueDateSource.INITIAL.name());
                  insert.setString(5, by);
                  insert.setObject(6, when);
                  insert.addBatch();
                  if (++n % 500 == 0) {
                    insert.executeBatch();
                  }
                }
                if (n % 500 != 0) {
                  insert.executeBatch();
                }
              }
            });
  }

  List<DueDateChange> dueDates(UUID taskId) {
    List<DueDateChange> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select due_date, source, extension_id, changed_by, changed_at from task_due_date"
                    + " where task_id = :t order by seq")
            .setParameter("t", taskId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new DueDateChange(
              toDate(r[0]),
              DueDateSource.valueOf((String) r[1]),
              (UUID) r[2],
              (String) r[3],
              instant(r[4])));
    }
    return out;
  }

  // ------------------------------------------------------------------ restructuring

  /** What a restructuring changed in one open task: its lead, assigning or coordinating unit. */
  record Transferred(UUID id, long version, UUID leadUnitId, Set<String> roles) {}

  /**
   * Open tasks led by {@code from} pass to {@code to} (with its path on the effective date); the
   * assigning and coordinating roles pass too. Every task changed gets one new version; returns
   * them, with the roles that passed.
   */
  @SuppressWarnings("unchecked")
  List<Transferred> transferOpen(
      UUID from, UUID to, UUID[] toPath, LocalDate effective, Instant at) {
    Map<UUID, Set<String>> roles = new LinkedHashMap<>();
    List<UUID> led =
        em.createNativeQuery(
                "update task t set lead_unit_id = :to, lead_unit_path = cast(:path as uuid[]),"
                    + " lead_since = greatest(cast(:eff as date), coalesce(t.lead_since, t.assigned_on)),"
                    + " transferred_from_unit_id = :from, transferred_on = :eff"
                    + " where t.lead_unit_id = :from and "
                    + OPEN
                    + " returning t.id")
            .setParameter("to", to)
            .setParameter("path", toPath)
            .setParameter("from", from)
            .setParameter("eff", effective)
            .getResultList();
    led.forEach(id -> roles.computeIfAbsent(id, k -> new LinkedHashSet<>()).add("leadUnitId"));
    List<UUID> assigned =
        em.createNativeQuery(
                "update task t set assigning_unit_id = :to where t.assigning_unit_id = :from and "
                    + OPEN
                    + " returning t.id")
            .setParameter("to", to)
            .setParameter("from", from)
            .getResultList();
    assigned.forEach(
        id -> roles.computeIfAbsent(id, k -> new LinkedHashSet<>()).add("assigningUnitId"));
    em.createNativeQuery(
            "insert into task_coordinator (task_id, unit_id, unit_path)"
                + " select c.task_id, :to, cast(:path as uuid[]) from task_coordinator c join task t on t.id = c.task_id"
                + " where c.unit_id = :from and "
                + OPEN
                + " and t.lead_unit_id <> :to on conflict do nothing")
        .setParameter("to", to)
        .setParameter("path", toPath)
        .setParameter("from", from)
        .executeUpdate();
    List<UUID> coordinated =
        em.createNativeQuery(
                "delete from task_coordinator c using task t where t.id = c.task_id and c.unit_id = :from and "
                    + OPEN
                    + " returning c.task_id")
            .setParameter("from", from)
            .getResultList();
    coordinated.forEach(
        id -> roles.computeIfAbsent(id, k -> new LinkedHashSet<>()).add("coordinatingUnitIds"));
    if (roles.isEmpty()) {
      return List.of();
    }
    List<Transferred> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "update task t set updated_at = :at, version = t.version + 1"
                    + " where t.id = any(cast(:ids as uuid[])) returning t.id, t.version, t.lead_unit_id")
            .setParameter("at", PgTypes.timestamp(at))
            .setParameter("ids", PgTypes.uuidArray(roles.keySet()))
            .getResultList()) {
      Object[] r = (Object[]) o;
      UUID id = PgTypes.uuid(r[0]);
      out.add(new Transferred(id, PgTypes.longValue(r[1]), PgTypes.uuid(r[2]), roles.get(id)));
    }
    return out;
  }

  /**
   * Tasks led by a unit whose place in the tree changed from {@code effective} (a unit moved, the
   * children of a merged unit) take its path from that day, or from when their lead took over if
   * later; the lead history (trigger) keeps the path before. The task itself does not change for
   * its readers (no version, no updated_at): only where it is counted.
   */
  int followTree(LocalDate effective) {
    return em.createNativeQuery(
            "update task t set lead_unit_path = x.path, lead_since = x.d from ("
                + " select t2.id, d.d, (select v.path from org_unit_version v"
                + "   where v.unit_id = t2.lead_unit_id and v.valid_from <= d.d"
                + "   and (v.valid_to is null or v.valid_to >= d.d)"
                + "   order by v.valid_from desc limit 1) as path"
                + " from task t2 cross join lateral"
                + " (select greatest(cast(:eff as date), coalesce(t2.lead_since, t2.assigned_on)) as d) d"
                + " where t2.lead_unit_id in"
                + " (select v.unit_id from org_unit_version v where v.valid_from = :eff)) x"
                + " where t.id = x.id and x.path is not null and t.lead_unit_path <> x.path")
        .setParameter("eff", effective)
        .executeUpdate();
  }

  // ------------------------------------------------------------------ helpers
}
