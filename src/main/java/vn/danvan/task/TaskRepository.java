package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.paging.Cursor;

/** SQL of the feature: keyset pages, tree walks, histories and the four-state aggregate. */
@ApplicationScoped
class TaskRepository {

  static final String OPEN = "t.status in ('NEW','IN_PROGRESS')";

  /** Readable by a restricted caller: led, or coordinated, by a unit of the caller's scope. */
  static final String VISIBLE =
      "(t.lead_unit_path && cast(:roots as uuid[]) or exists (select 1 from task_coordinator c"
          + " where c.task_id = t.id and c.unit_path && cast(:roots as uuid[])))";

  /** The search text; the same expression backs the trigram index task_fold. */
  static final String SEARCH_TEXT =
      "danvan_fold(t.title || ' ' || t.description || ' ' || coalesce(t.directive_item, ''))";

  @Inject EntityManager em;

  /** A list order: the sort expression, its direction and how a cursor key is read back. */
  enum Sort {
    DUE("dueDate", "t.sort_due", false),
    DUE_DESC("-dueDate", "t.sort_due", true),
    UPDATED("updatedAt", "t.updated_at", false),
    UPDATED_DESC("-updatedAt", "t.updated_at", true);

    final String code;
    final String column;
    final boolean desc;

    Sort(String code, String column, boolean desc) {
      this.code = code;
      this.column = column;
      this.desc = desc;
    }

    static Sort parse(String s) {
      if (s == null || s.isBlank()) {
        return DUE;
      }
      for (Sort v : values()) {
        if (v.code.equals(s)) {
          return v;
        }
      }
      return null;
    }

    Object key(Task t) {
      return this == DUE || this == DUE_DESC
          ? (t.dueDate == null ? LocalDate.of(9999, 12, 31) : t.dueDate)
          : t.updatedAt;
    }

    Cursor.KeyType keyType() {
      return this == DUE || this == DUE_DESC ? Cursor.KeyType.DATE : Cursor.KeyType.INSTANT;
    }

    Object key(Cursor.Keys keys, int i) {
      return this == DUE || this == DUE_DESC ? keys.date(i) : keys.offsetDateTime(i);
    }
  }

  static Map<String, Object> params() {
    return new HashMap<>();
  }

  @SuppressWarnings("unchecked")
  List<Task> page(
      List<String> where,
      Map<String, Object> params,
      Sort sort,
      Object afterKey,
      UUID afterId,
      int fetch) {
    StringBuilder sql = new StringBuilder("select t.* from task t where true");
    for (String w : where) {
      sql.append(" and (").append(w).append(')');
    }
    String dir = sort.desc ? " desc" : "";
    if (afterId != null) {
      sql.append(" and (")
          .append(sort.column)
          .append(", t.id) ")
          .append(sort.desc ? "<" : ">")
          .append(" (:afterKey, :afterId)");
    }
    sql.append(" order by ")
        .append(sort.column)
        .append(dir)
        .append(", t.id")
        .append(dir)
        .append(" limit :fetch");
    Query q = em.createNativeQuery(sql.toString(), Task.class);
    params.forEach(q::setParameter);
    if (afterId != null) {
      q.setParameter("afterKey", afterKey);
      q.setParameter("afterId", afterId);
    }
    q.setParameter("fetch", fetch);
    return q.getResultList();
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
      BigDecimal progress =
          r[2] == null
              ? null
              : new BigDecimal(r[2].toString())
                  .setScale(2, RoundingMode.HALF_UP)
                  .stripTrailingZeros();
      out.put(
          (UUID) r[0],
          new TaskResponse.Children(((Number) r[1]).intValue(), progress, toDate(r[3])));
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
      out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
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

  /** The subtree below a task, depth first by due date: (id, depth) pairs, at most {@code cap}. */
  List<Object[]> subtree(UUID id, int maxDepth, int cap) {
    List<Object[]> out = new ArrayList<>();
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
      out.add((Object[]) o);
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
    return ((Number)
            em.createNativeQuery("select count(*) from task where parent_id = :id")
                .setParameter("id", id)
                .getSingleResult())
        .longValue();
  }

  /** Cancels every open task below {@code id}, with the same reason. */
  int cancelOpenDescendants(UUID id, String reason, Instant at) {
    return em.createNativeQuery(
            "with recursive down(id) as (select t.id from task t where t.parent_id = :id"
                + " union all select c.id from down d join task c on c.parent_id = d.id)"
                + " update task t set status = 'CANCELLED', cancel_reason = :reason,"
                + " updated_at = :at, version = t.version + 1"
                + " from down where t.id = down.id and "
                + OPEN)
        .setParameter("id", id)
        .setParameter("reason", reason)
        .setParameter("at", ts(at))
        .executeUpdate();
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

  void deleteOccurrences(UUID seriesId) {
    em.createNativeQuery("delete from task where series_id = :s")
        .setParameter("s", seriesId)
        .executeUpdate();
  }

  /**
   * Whether a directive exists for the caller: issued documents and outside records for everyone,
   * drafts within the scope of their issuer ({@code roots} null: unrestricted).
   */
  boolean directiveVisible(UUID id, String roots) {
    Query q =
        em.createNativeQuery(
            "select exists (select 1 from directive d where d.id = :id"
                + (roots == null
                    ? ""
                    : " and (d.status <> 'DRAFT' or d.issuing_unit_id is null"
                        + " or d.issuing_unit_path && cast(:roots as uuid[]))")
                + ")");
    q.setParameter("id", id);
    if (roots != null) {
      q.setParameter("roots", roots);
    }
    return (Boolean) q.getSingleResult();
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
        .setParameter("at", ts(at))
        .executeUpdate();
  }

  /** The initial due dates of many new tasks, in JDBC batches (bulk creation). */
  void recordInitialDueDates(List<Task> tasks, String by, Instant at) {
    OffsetDateTime when = ts(at);
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

  // ------------------------------------------------------------------ progress

  void insertProgress(ProgressUpdateResponse p) {
    em.createNativeQuery(
            "insert into task_progress (id, task_id, percent, note, reported_by, reported_at)"
                + " values (:id, :t, :p, :n, :by, :at)")
        .setParameter("id", p.id())
        .setParameter("t", p.taskId())
        .setParameter("p", p.percent())
        .setParameter("n", p.note())
        .setParameter("by", p.reportedBy())
        .setParameter("at", ts(p.reportedAt()))
        .executeUpdate();
  }

  boolean progressExists(UUID taskId, UUID progressId) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from task_progress where id = :id and task_id = :t)")
            .setParameter("id", progressId)
            .setParameter("t", taskId)
            .getSingleResult();
  }

  /** Newest first. */
  List<ProgressUpdateResponse> progress(
      UUID taskId, OffsetDateTime afterAt, UUID afterId, int fetch) {
    Query q =
        em.createNativeQuery(
            "select id, task_id, percent, note, reported_by, reported_at from task_progress"
                + " where task_id = :t"
                + (afterId != null ? " and (reported_at, id) < (:at, :id)" : "")
                + " order by reported_at desc, id desc limit :fetch");
    q.setParameter("t", taskId).setParameter("fetch", fetch);
    if (afterId != null) {
      q.setParameter("at", afterAt).setParameter("id", afterId);
    }
    List<ProgressUpdateResponse> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new ProgressUpdateResponse(
              (UUID) r[0],
              (UUID) r[1],
              ((Number) r[2]).intValue(),
              (String) r[3],
              (String) r[4],
              instant(r[5])));
    }
    return out;
  }

  // ------------------------------------------------------------------ extensions

  private static final String EXTENSION_COLUMNS =
      "id, task_id, requested_due_date, previous_due_date, reason, status, requested_by, requested_at,"
          + " decided_by, decided_at, decision_note, version";

  void insertExtension(ExtensionResponse e) {
    em.createNativeQuery(
            "insert into task_extension ("
                + EXTENSION_COLUMNS
                + ") values (:id, :t, :req, :prev, :reason, 'PENDING', :by, :at, null, null, null, 0)")
        .setParameter("id", e.id())
        .setParameter("t", e.taskId())
        .setParameter("req", e.requestedDueDate())
        .setParameter("prev", e.previousDueDate())
        .setParameter("reason", e.reason())
        .setParameter("by", e.requestedBy())
        .setParameter("at", ts(e.requestedAt()))
        .executeUpdate();
  }

  boolean hasPendingExtension(UUID taskId) {
    return (Boolean)
        em.createNativeQuery(
                "select exists (select 1 from task_extension where task_id = :t and status = 'PENDING')")
            .setParameter("t", taskId)
            .getSingleResult();
  }

  /** Newest first. */
  List<ExtensionResponse> extensions(UUID taskId, UUID onlyId) {
    Query q =
        em.createNativeQuery(
            "select "
                + EXTENSION_COLUMNS
                + " from task_extension where task_id = :t"
                + (onlyId != null ? " and id = :id" : "")
                + " order by requested_at desc, id desc"
                + (onlyId != null ? " for update" : ""));
    q.setParameter("t", taskId);
    if (onlyId != null) {
      q.setParameter("id", onlyId);
    }
    List<ExtensionResponse> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new ExtensionResponse(
              (UUID) r[0],
              (UUID) r[1],
              toDate(r[2]),
              toDate(r[3]),
              (String) r[4],
              ExtensionStatus.valueOf((String) r[5]),
              (String) r[6],
              instant(r[7]),
              (String) r[8],
              r[9] == null ? null : instant(r[9]),
              (String) r[10],
              ((Number) r[11]).longValue()));
    }
    return out;
  }

  void decideExtension(UUID id, ExtensionStatus status, String by, Instant at, String note) {
    em.createNativeQuery(
            "update task_extension set status = :s, decided_by = :by, decided_at = :at,"
                + " decision_note = :n, version = version + 1 where id = :id")
        .setParameter("s", status.name())
        .setParameter("by", by)
        .setParameter("at", ts(at))
        .setParameter("n", note)
        .setParameter("id", id)
        .executeUpdate();
  }

  // ------------------------------------------------------------------ restructuring

  /**
   * Open tasks led by {@code from} pass to {@code to} (with its path on the effective date); the
   * coordinating role passes too. Returns (id, version) of the tasks whose lead moved.
   */
  @SuppressWarnings("unchecked")
  List<Object[]> transferOpen(UUID from, UUID to, UUID[] toPath, LocalDate effective, Instant at) {
    List<Object[]> moved =
        em.createNativeQuery(
                "update task t set lead_unit_id = :to, lead_unit_path = cast(:path as uuid[]),"
                    + " transferred_from_unit_id = :from, transferred_on = :eff,"
                    + " updated_at = :at, version = t.version + 1"
                    + " where t.lead_unit_id = :from and "
                    + OPEN
                    + " returning t.id, t.version")
            .setParameter("to", to)
            .setParameter("path", pgArray(toPath))
            .setParameter("from", from)
            .setParameter("eff", effective)
            .setParameter("at", ts(at))
            .getResultList();
    em.createNativeQuery(
            "update task t set assigning_unit_id = :to where t.assigning_unit_id = :from and "
                + OPEN)
        .setParameter("to", to)
        .setParameter("from", from)
        .executeUpdate();
    em.createNativeQuery(
            "insert into task_coordinator (task_id, unit_id, unit_path)"
                + " select c.task_id, :to, cast(:path as uuid[]) from task_coordinator c join task t on t.id = c.task_id"
                + " where c.unit_id = :from and "
                + OPEN
                + " and t.lead_unit_id <> :to on conflict do nothing")
        .setParameter("to", to)
        .setParameter("path", pgArray(toPath))
        .setParameter("from", from)
        .executeUpdate();
    em.createNativeQuery(
            "delete from task_coordinator c using task t where t.id = c.task_id and c.unit_id = :from and "
                + OPEN)
        .setParameter("from", from)
        .executeUpdate();
    return moved;
  }

  // ------------------------------------------------------------------ statistics

  /**
   * Rows of (key, on time, late, in term, overdue) for the subtree condition, as of {@code day}.
   */
  List<Object[]> statistics(String key, List<String> where, Map<String, Object> params) {
    StringBuilder sql =
        new StringBuilder("select ")
            .append(key)
            .append(" as k,")
            .append(
                " count(*) filter (where t.completed_on <= :day and t.completed_on <= t.due_date),")
            .append(
                " count(*) filter (where t.completed_on <= :day and t.completed_on > t.due_date),")
            .append(
                " count(*) filter (where (t.completed_on is null or t.completed_on > :day) and t.due_date >= :day),")
            .append(
                " count(*) filter (where (t.completed_on is null or t.completed_on > :day) and t.due_date < :day)")
            .append(" from task t where t.status <> 'CANCELLED' and t.recurrence_frequency is null")
            .append(" and t.assigned_on <= :day");
    for (String w : where) {
      sql.append(" and (").append(w).append(')');
    }
    sql.append(" group by 1 order by 1 nulls first");
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    List<Object[]> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      out.add((Object[]) o);
    }
    return out;
  }

  /**
   * Today's four-state counts per province from the live tally: whole months before and after the
   * current one come from task_tally; the open tasks of the current month are split at today from
   * the base table. Same rows as {@link #statistics} for the root grouped by province, as of today.
   */
  List<Object[]> provincesToday(LocalDate today) {
    LocalDate month = today.withDayOfMonth(1);
    List<Object[]> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select k, sum(on_time), sum(late), sum(in_term), sum(overdue) from ("
                    + " select province_id k,"
                    + "  coalesce(sum(n) filter (where outcome = 'ON_TIME'), 0) on_time,"
                    + "  coalesce(sum(n) filter (where outcome = 'LATE'), 0) late,"
                    + "  coalesce(sum(n) filter (where outcome = 'OPEN' and due_month > :month), 0) in_term,"
                    + "  coalesce(sum(n) filter (where outcome = 'OPEN' and due_month < :month), 0) overdue"
                    + "  from task_tally group by province_id"
                    + " union all"
                    + " select coalesce(t.unit_at_2, t.lead_unit_id), 0, 0,"
                    + "  count(*) filter (where t.sort_due >= :today), count(*) filter (where t.sort_due < :today)"
                    + "  from task t where t.status in ('NEW','IN_PROGRESS') and t.recurrence_frequency is null"
                    + "  and t.sort_due >= :month and t.sort_due < :next group by 1) s"
                    + " group by k having sum(on_time) + sum(late) + sum(in_term) + sum(overdue) > 0"
                    + " order by k")
            .setParameter("month", month)
            .setParameter("next", month.plusMonths(1))
            .setParameter("today", today)
            .getResultList()) {
      out.add((Object[]) o);
    }
    return out;
  }

  /** Names of units on {@code day} (else their latest), by id. */
  Map<UUID, String> unitNames(Collection<UUID> ids, LocalDate day) {
    Map<UUID, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object o :
        em.createNativeQuery(
                "select distinct on (v.unit_id) v.unit_id, v.name from org_unit_version v"
                    + " where v.unit_id in (:ids)"
                    + " order by v.unit_id, (v.valid_from <= :day) desc, v.valid_from desc")
            .setParameter("ids", ids)
            .setParameter("day", day)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.put((UUID) r[0], (String) r[1]);
    }
    return out;
  }

  Map<UUID, String> directiveNumbers(Collection<UUID> ids) {
    Map<UUID, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object o :
        em.createNativeQuery(
                "select d.id, coalesce(d.full_number, d.symbol) from directive d where d.id in (:ids)")
            .setParameter("ids", ids)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.put((UUID) r[0], (String) r[1]);
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  static String pgArray(UUID[] ids) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(ids[i]);
    }
    return sb.append('}').toString();
  }

  static OffsetDateTime ts(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static LocalDate toDate(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return LocalDate.parse(o.toString());
  }

  static Instant instant(Object o) {
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    return Instant.parse(o.toString());
  }
}
