package vn.danvan.dialogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;

/** SQL of the dialogues: keyset pages, the agenda's obligations, the figures of the reports. */
@ApplicationScoped
class DialogueRepository {

  /** The search text; the same expression backs the trigram index dialogue_fold. */
  static final String SEARCH_TEXT = "danvan_fold(d.topic)";

  /**
   * The two obligations of every dialogue that binds (not cancelled), one row each: the kind as its
   * name literal, the owing unit and its path, the due and done dates, the topic.
   */
  private static final String OBLIGATIONS =
      "(select 'DIALOGUE_ANNOUNCEMENT' as kind, d.id, d.unit_id, d.unit_path,"
          + " d.announcement_due as due, d.announcement_date as done, d.topic"
          + " from dialogue d where d.status <> 'CANCELLED'"
          + " union all"
          + " select 'DIALOGUE_RESULTS', d.id, d.unit_id, d.unit_path, d.results_due,"
          + " d.results_published_date, d.topic from dialogue d where d.status <> 'CANCELLED') o";

  private static final Set<ObligationKind> ROW_KINDS =
      EnumSet.of(ObligationKind.DIALOGUE_ANNOUNCEMENT, ObligationKind.DIALOGUE_RESULTS);

  @Inject EntityManager em;

  Dialogue find(UUID id) {
    return em.find(Dialogue.class, id);
  }

  List<Dialogue> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return Dialogue.list("id in ?1", ids);
  }

  /** One page of the list, latest planned date first, after the key when given. */
  @SuppressWarnings("unchecked")
  List<Dialogue> page(DialogueQuery q, UUID[] roots, LocalDate afterDate, UUID afterId, int fetch) {
    SqlWhere where =
        new SqlWhere()
            .addIfPresent("d.unit_path && cast(:roots as uuid[])", "roots", roots)
            .addIfPresent(
                "d.status = :status", "status", q.status() == null ? null : q.status().name())
            .addIfPresent(
                "d.planned_date >= :yearFrom",
                "yearFrom",
                q.year() == null ? null : LocalDate.of(q.year(), 1, 1))
            .addIfPresent(
                "d.planned_date <= :yearTo",
                "yearTo",
                q.year() == null ? null : LocalDate.of(q.year(), 12, 31))
            .addIfPresent("d.planned_date >= :from", "from", q.plannedFrom())
            .addIfPresent("d.planned_date <= :to", "to", q.plannedTo())
            .addIfPresent(
                SEARCH_TEXT + " like '%' || danvan_fold(:q) || '%' escape '\\'",
                "q",
                q.q() == null ? null : escapeLike(q.q()));
    UnitFilter.apply(where, "d.unit_id", "d.unit_path", q.orgUnitId(), q.orgUnitMode());
    if (afterDate != null) {
      where.add("(d.planned_date, d.id) < (:afterDate, :afterId)", "afterDate", afterDate);
      where.param("afterId", afterId);
    }
    return where
        .bind(
            em.createNativeQuery(
                "select d.* from dialogue d where "
                    + where.sql()
                    + " order by d.planned_date desc, d.id desc limit :fetch",
                Dialogue.class))
        .setParameter("fetch", fetch)
        .getResultList();
  }

  /**
   * The dialogues that bind (not cancelled) with a deadline or its start within {@code reach} days
   * of {@code day}: those a change of the calendar on that day may move.
   */
  List<Dialogue> bindingAround(LocalDate day, int reach) {
    return Dialogue.list(
        "status <> ?1 and (resultsDue between ?2 and ?3 or announcementDue between ?2 and ?3)",
        DialogueStatus.CANCELLED,
        day.minusDays(reach),
        day.plusDays(reach));
  }

  // ------------------------------------------------------------------ restructuring

  /** A dialogue's unit and stored path, and the day its path is taken on (the planned date). */
  record StoredPath(UUID id, UUID unitId, LocalDate plannedDate, UUID[] path) {}

  /** A dialogue whose version moved: its id, new version and unit. */
  record Bumped(UUID id, long version, UUID unitId) {}

  /** The dialogues of {@code unit} still to be held (planned or announced). */
  List<Dialogue> openOf(UUID unit) {
    return Dialogue.list(
        "unitId = ?1 and status in ?2 order by id",
        unit,
        List.of(DialogueStatus.PLANNED, DialogueStatus.ANNOUNCED));
  }

  /** The dialogues, whatever their status, of the units given. */
  List<StoredPath> pathsOfUnits(Collection<UUID> units) {
    List<StoredPath> out = new ArrayList<>();
    if (units.isEmpty()) {
      return out;
    }
    for (Object o :
        em.createNativeQuery(
                "select d.id, d.unit_id, d.planned_date, d.unit_path from dialogue d"
                    + " where d.unit_id = any(cast(:units as uuid[])) order by d.id")
            .setParameter("units", PgTypes.uuidArray(units))
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new StoredPath(
              PgTypes.uuid(r[0]), PgTypes.uuid(r[1]), PgTypes.toDate(r[2]), PgTypes.uuids(r[3])));
    }
    return out;
  }

  /**
   * Stores these paths, each dialogue getting a new version (its meaning changed), one statement;
   * returns the new versions.
   */
  List<Bumped> repath(List<StoredPath> rows, Instant at) {
    List<Bumped> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    for (Object o :
        em.createNativeQuery(
                "update dialogue d set unit_path = cast(x.path as uuid[]), version = d.version + 1,"
                    + " updated_at = :at from unnest(cast(:ids as uuid[]), cast(:paths as text[]))"
                    + " as x(id, path) where d.id = x.id returning d.id, d.version, d.unit_id")
            .setParameter("at", PgTypes.timestamp(at))
            .setParameter("ids", rows.stream().map(StoredPath::id).toArray(UUID[]::new))
            .setParameter("paths", rows.stream().map(r -> literal(r.path())).toArray(String[]::new))
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new Bumped(PgTypes.uuid(r[0]), PgTypes.longValue(r[1]), PgTypes.uuid(r[2])));
    }
    return out;
  }

  /** A path as the text of a {@code uuid[]} (the paths of a statement differ in length). */
  private static String literal(UUID[] path) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < path.length; i++) {
      b.append(i == 0 ? "" : ",").append(path[i]);
    }
    return b.append('}').toString();
  }

  // ------------------------------------------------------------------ the agenda

  /** The announcement and results obligations matching {@code q}, in the agenda's order. */
  List<Obligation> obligations(ObligationQuery q) {
    SqlWhere where = obligationWhere(q);
    if (where == null) {
      return List.of();
    }
    if (q.after() != null) {
      where.add(
          "(o.due, o.kind collate \"C\", o.id) "
              + (q.descending() ? "<" : ">")
              + " (:afterDue, :afterKind, :afterId)",
          "afterDue",
          q.after().dueDate());
      where.param("afterKind", q.after().kind().name());
      where.param("afterId", q.after().id());
    }
    String dir = q.descending() ? " desc" : "";
    List<?> rows =
        where
            .bind(
                em.createNativeQuery(
                    "select o.kind, o.id, o.unit_id, o.due, case when o.done <= :day then o.done end,"
                        + " "
                        + ObligationState.sql("o.due", "o.done", ":day")
                        + ", o.topic from "
                        + OBLIGATIONS
                        + " where "
                        + where.sql()
                        + " order by o.due"
                        + dir
                        + ", o.kind collate \"C\""
                        + dir
                        + ", o.id"
                        + dir
                        + " limit :limit"))
            .setParameter("limit", q.limit())
            .getResultList();
    List<Obligation> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      ObligationKind kind = ObligationKind.valueOf((String) r[0]);
      UUID id = PgTypes.uuid(r[1]);
      out.add(
          new Obligation(
              kind,
              id,
              PgTypes.uuid(r[2]),
              PgTypes.toDate(r[3]),
              ObligationState.valueOf((String) r[5]),
              r[4] == null ? null : PgTypes.toDate(r[4]),
              DialogueObligations.title(kind, (String) r[6]),
              DialogueService.HREF + "/" + id));
    }
    return out;
  }

  /** The counts of kind × state of the obligations matching {@code q}, grouped. */
  List<ObligationCount> obligationCounts(ObligationQuery q, ObligationGrouping by, int level) {
    SqlWhere where = obligationWhere(q);
    if (where == null) {
      return List.of();
    }
    String group =
        switch (by) {
          case CHILD_UNIT ->
              "case when cardinality(o.unit_path) >= :level then o.unit_path[:level]"
                  + " else o.unit_id end";
          case MONTH -> "cast(date_trunc('month', o.due) as date)";
          case KIND -> "null";
        };
    if (by == ObligationGrouping.CHILD_UNIT) {
      where.param("level", level);
    }
    List<?> rows =
        where
            .bind(
                em.createNativeQuery(
                    "select o.kind, "
                        + ObligationState.sql("o.due", "o.done", ":day")
                        + " as state, "
                        + group
                        + " as g, count(*) from "
                        + OBLIGATIONS
                        + " where "
                        + where.sql()
                        + " group by 1, 2, 3"))
            .getResultList();
    List<ObligationCount> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      UUID unit = by == ObligationGrouping.CHILD_UNIT ? PgTypes.uuid(r[2]) : null;
      YearMonth month =
          by == ObligationGrouping.MONTH ? YearMonth.from(PgTypes.toDate(r[2])) : null;
      out.add(
          new ObligationCount(
              ObligationKind.valueOf((String) r[0]),
              ObligationState.valueOf((String) r[1]),
              unit,
              month,
              PgTypes.longValue(r[3])));
    }
    return out;
  }

  /** The conditions of {@code q} on the obligation rows; null when it wants none of their kinds. */
  private static SqlWhere obligationWhere(ObligationQuery q) {
    List<String> kinds =
        q.kinds().stream().filter(ROW_KINDS::contains).map(Enum::name).sorted().toList();
    if (kinds.isEmpty()) {
      return null;
    }
    SqlWhere where =
        new SqlWhere()
            .add("o.kind in (:kinds)", "kinds", kinds)
            .param("day", q.day())
            .addIfPresent("o.unit_path && cast(:roots as uuid[])", "roots", q.roots())
            .addIfPresent("o.due >= :dueFrom", "dueFrom", q.dueFrom())
            .addIfPresent("o.due <= :dueTo", "dueTo", q.dueTo())
            .addIfPresent(
                ObligationState.sql("o.due", "o.done", ":day") + " = :state",
                "state",
                q.state() == null ? null : q.state().name());
    UnitFilter.apply(where, "o.unit_id", "o.unit_path", q.unitId(), q.mode());
    return where;
  }

  /**
   * The first day each unit held a dialogue (not cancelled) in each year of [{@code fromYear},
   * {@code toYear}]: unit → year → day.
   */
  Map<UUID, Map<Integer, LocalDate>> firstHeld(int fromYear, int toYear) {
    Map<UUID, Map<Integer, LocalDate>> out = new HashMap<>();
    if (toYear < fromYear) {
      return out;
    }
    List<?> rows =
        em.createNativeQuery(
                "select d.unit_id, min(d.held_date) from dialogue d"
                    + " where d.held_date between :from and :to"
                    + " and d.status in ('HELD', 'RESULTS_PUBLISHED')"
                    + " group by d.unit_id, extract(year from d.held_date)")
            .setParameter("from", LocalDate.of(fromYear, 1, 1))
            .setParameter("to", LocalDate.of(toYear, 12, 31))
            .getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      LocalDate day = PgTypes.toDate(r[1]);
      out.computeIfAbsent(PgTypes.uuid(r[0]), k -> new HashMap<>()).put(day.getYear(), day);
    }
    return out;
  }

  /** Per owing unit: the dialogues held in [{@code from}, {@code to}] by {@code day}. */
  Map<UUID, Long> heldCounts(LocalDate from, LocalDate to, LocalDate day) {
    Map<UUID, Long> out = new HashMap<>();
    List<?> rows =
        em.createNativeQuery(
                "select d.unit_id, count(*) from dialogue d"
                    + " where d.held_date between :from and :to and d.held_date <= :day"
                    + " and d.status in ('HELD', 'RESULTS_PUBLISHED') group by d.unit_id")
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("day", day)
            .getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.put(PgTypes.uuid(r[0]), PgTypes.longValue(r[1]));
    }
    return out;
  }

  /** How many obligations of one kind one unit owes in one state. */
  record UnitStateCount(UUID unitId, ObligationKind kind, ObligationState state, long count) {}

  /** Per owing unit, kind and state: the obligations due in [{@code from}, {@code to}]. */
  List<UnitStateCount> stateCountsByUnit(LocalDate from, LocalDate to, LocalDate day) {
    List<?> rows =
        em.createNativeQuery(
                "select o.unit_id, o.kind, "
                    + ObligationState.sql("o.due", "o.done", ":day")
                    + ", count(*) from "
                    + OBLIGATIONS
                    + " where o.due between :from and :to group by 1, 2, 3")
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("day", day)
            .getResultList();
    List<UnitStateCount> out = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(
          new UnitStateCount(
              PgTypes.uuid(r[0]),
              ObligationKind.valueOf((String) r[1]),
              ObligationState.valueOf((String) r[2]),
              PgTypes.longValue(r[3])));
    }
    return out;
  }

  /** The figures of the reports over {@code units}' dialogues held in the window. One query. */
  DialogueService.Figures figures(
      Collection<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    if (units.isEmpty()) {
      return new DialogueService.Figures(0, 0, 0, 0);
    }
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select count(*), count(*) filter (where "
                        + ObligationState.sql("d.announcement_due", "d.announcement_date", ":day")
                        + " = 'DONE_ON_TIME' and "
                        + ObligationState.sql("d.results_due", "d.results_published_date", ":day")
                        + " = 'DONE_ON_TIME'), coalesce(sum(d.question_count), 0),"
                        + " coalesce(sum(d.answered_count), 0) from dialogue d"
                        + " where d.unit_id = any(cast(:units as uuid[]))"
                        + " and d.status in ('HELD', 'RESULTS_PUBLISHED')"
                        + " and d.held_date between :from and :to and d.held_date <= :day")
                .setParameter("units", PgTypes.uuidArray(units))
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("day", day)
                .getSingleResult();
    return new DialogueService.Figures(
        PgTypes.longValue(r[0]),
        PgTypes.longValue(r[1]),
        PgTypes.longValue(r[2]),
        PgTypes.longValue(r[3]));
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
