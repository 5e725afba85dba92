package vn.danvan.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;

/** SQL of the models of good practice: their unit rows, keyset pages, statistics and figures. */
@ApplicationScoped
class GoodPracticeModelRepository {

  /** The search text; the same expression backs the trigram index good_practice_model_fold. */
  static final String SEARCH_TEXT = "danvan_fold(m.title || ' ' || coalesce(m.description, ''))";

  /** One unit of a model with its path (root..unit) when written. */
  record UnitRow(UUID unitId, UUID[] path, boolean lead) {}

  /** The statistics of {@code query} grouped under the children of a unit whose path has n ids. */
  record StatisticsQuery(UUID unitId, OrgUnitMode mode, int depth, Integer year, UUID[] roots) {}

  /**
   * One cell of the statistics: the models of a child unit ({@code child}; null in the rows of the
   * whole selection, {@code total}) with a field, a status and a recognition level.
   */
  record StatisticsRow(
      UUID child,
      boolean total,
      GoodPracticeField field,
      GoodPracticeStatus status,
      RecognitionLevel level,
      long count) {}

  /** The figures of the reports over some units and a window. */
  record Figures(long registered, long implementing, Map<RecognitionLevel, Long> recognised) {}

  @Inject EntityManager em;

  GoodPracticeModel find(UUID id) {
    return em.find(GoodPracticeModel.class, id);
  }

  /** The models with these ids (missing ones left out). */
  List<GoodPracticeModel> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return GoodPracticeModel.list("id in ?1", ids);
  }

  /** Replaces the unit rows of a model. */
  void replaceUnits(UUID modelId, List<UnitRow> rows) {
    em.createNativeQuery("delete from good_practice_model_unit where model_id = :id")
        .setParameter("id", modelId)
        .executeUpdate();
    for (UnitRow r : rows) {
      em.createNativeQuery(
              "insert into good_practice_model_unit (model_id, unit_id, unit_path, lead)"
                  + " values (:id, :unit, cast(:path as uuid[]), :lead)")
          .setParameter("id", modelId)
          .setParameter("unit", r.unitId())
          .setParameter("path", r.path())
          .setParameter("lead", r.lead())
          .executeUpdate();
    }
  }

  /**
   * The models among {@code ids} one of whose units lies under {@code roots} (null: all of them).
   */
  @SuppressWarnings("unchecked")
  List<UUID> visible(Collection<UUID> ids, UUID[] roots) {
    if (ids.isEmpty()) {
      return List.of();
    }
    if (roots == null) {
      return List.copyOf(ids);
    }
    List<UUID> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select distinct u.model_id from good_practice_model_unit u"
                    + " where u.model_id = any(cast(:ids as uuid[]))"
                    + " and u.unit_path && cast(:roots as uuid[])")
            .setParameter("ids", PgTypes.uuidArray(ids))
            .setParameter("roots", roots)
            .getResultList()) {
      out.add(PgTypes.uuid(o));
    }
    return out;
  }

  /**
   * One page of the list: the models matching {@code query} with a unit under {@code roots} (null:
   * every model), newest registration first, then by id, after the keys given.
   */
  @SuppressWarnings("unchecked")
  List<GoodPracticeModel> page(
      GoodPracticeModelQuery query, UUID[] roots, LocalDate afterDay, UUID afterId, int fetch) {
    SqlWhere where = filters(query, roots);
    if (afterDay != null) {
      where
          .add("(m.registered_on, m.id) < (:afterDay, :afterId)")
          .param("afterDay", afterDay)
          .param("afterId", afterId);
    }
    return where
        .bind(
            em.createNativeQuery(
                "select m.* from good_practice_model m where "
                    + where.sql()
                    + " order by m.registered_on desc, m.id desc limit :fetch",
                GoodPracticeModel.class))
        .setParameter("fetch", fetch)
        .getResultList();
  }

  private static SqlWhere filters(GoodPracticeModelQuery query, UUID[] roots) {
    SqlWhere where =
        new SqlWhere()
            .addIfPresent(
                SEARCH_TEXT + " like '%' || danvan_fold(:q) || '%' escape '\\'",
                "q",
                query.q() == null ? null : escapeLike(query.q()))
            .addIfPresent(
                "m.field = :field", "field", query.field() == null ? null : query.field().name())
            .addIfPresent(
                "m.status = :status",
                "status",
                query.status() == null ? null : query.status().name())
            .addIfPresent(
                "m.recognition_level = :level",
                "level",
                query.recognitionLevel() == null ? null : query.recognitionLevel().name())
            .addIfPresent("m.registration_year = :year", "year", query.year())
            .addIfPresent(
                "exists (select 1 from good_practice_model_unit s where s.model_id = m.id"
                    + " and s.unit_path && cast(:roots as uuid[]))",
                "roots",
                roots);
    if (query.orgUnitId() != null) {
      where.add(
          "exists (select 1 from good_practice_model_unit u where u.model_id = m.id and "
              + UnitFilter.condition("u.unit_id", "u.unit_path", "unit", query.orgUnitMode())
              + ")",
          "unit",
          query.orgUnitId());
    }
    return where;
  }

  /**
   * The statistics: each model with a unit in the selection (and one under {@code roots}) counted
   * once in the whole selection and once under each child unit one of its units lies in (the unit
   * itself is its own group), by field, status and recognition level. One query.
   */
  @SuppressWarnings("unchecked")
  List<StatisticsRow> statistics(StatisticsQuery q) {
    SqlWhere where =
        new SqlWhere()
            .addIfPresent("m.registration_year = :year", "year", q.year())
            .addIfPresent(
                "exists (select 1 from good_practice_model_unit s where s.model_id = m.id"
                    + " and s.unit_path && cast(:roots as uuid[]))",
                "roots",
                q.roots());
    where.param("unit", q.unitId());
    String sql =
        "select g.k, grouping(g.k), m.field, m.status, m.recognition_level, count(distinct m.id)"
            + " from good_practice_model m join lateral (select distinct case when u.unit_id = :unit"
            + " then u.unit_id else u.unit_path["
            + (q.depth() + 1)
            + "] end k from good_practice_model_unit u where u.model_id = m.id and "
            + UnitFilter.condition("u.unit_id", "u.unit_path", "unit", q.mode())
            + ") g on true where "
            + where.sql()
            + " group by grouping sets ((g.k, m.field, m.status, m.recognition_level),"
            + " (m.field, m.status, m.recognition_level))";
    List<StatisticsRow> out = new ArrayList<>();
    for (Object o : where.bind(em.createNativeQuery(sql)).getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new StatisticsRow(
              PgTypes.uuid(r[0]),
              ((Number) r[1]).intValue() == 1,
              GoodPracticeField.valueOf((String) r[2]),
              GoodPracticeStatus.valueOf((String) r[3]),
              r[4] == null ? null : RecognitionLevel.valueOf((String) r[4]),
              PgTypes.longValue(r[5])));
    }
    return out;
  }

  /**
   * The models one of whose units is among {@code units}: registered in [from, to], implemented at
   * some time in it (started by {@code to} and by {@code day}, not recognised or discontinued
   * before {@code from}), and recognised in it by level. One query.
   */
  Figures figures(List<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    if (units.isEmpty()) {
      return new Figures(0, 0, Map.of());
    }
    StringBuilder sql =
        new StringBuilder(
            "select count(*) filter (where m.registered_on between :from and :to),"
                + " count(*) filter (where m.implementing_since <= :to and m.implementing_since <= :day"
                + " and coalesce(m.recognition_date, m.discontinued_on, date 'infinity') >= :from)");
    for (RecognitionLevel level : RecognitionLevel.values()) {
      sql.append(", count(*) filter (where m.recognition_date between :from and :to")
          .append(" and m.recognition_level = '")
          .append(level.name())
          .append("')");
    }
    sql.append(
        " from good_practice_model m where exists (select 1 from good_practice_model_unit u"
            + " where u.model_id = m.id and u.unit_id = any(cast(:units as uuid[])))");
    Object[] r =
        (Object[])
            em.createNativeQuery(sql.toString())
                .setParameter("units", PgTypes.uuidArray(units))
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("day", day)
                .getSingleResult();
    Map<RecognitionLevel, Long> recognised = new LinkedHashMap<>();
    RecognitionLevel[] levels = RecognitionLevel.values();
    for (int i = 0; i < levels.length; i++) {
      recognised.put(levels[i], PgTypes.longValue(r[2 + i]));
    }
    return new Figures(PgTypes.longValue(r[0]), PgTypes.longValue(r[1]), recognised);
  }

  // ------------------------------------------------------------------ restructuring

  /** A unit row of a model as stored: the unit and its path. */
  record StoredUnit(UUID modelId, UUID unitId, UUID[] path) {}

  /** A model whose version moved: its id, new version and lead unit. */
  record Bumped(UUID id, long version, UUID leadUnitId) {}

  /** The models still open (registered or implementing) one of whose units is {@code unit}. */
  @SuppressWarnings("unchecked")
  List<GoodPracticeModel> openWithUnit(UUID unit) {
    return em.createNativeQuery(
            "select m.* from good_practice_model m where m.status in ('REGISTERED','IMPLEMENTING')"
                + " and exists (select 1 from good_practice_model_unit u where u.model_id = m.id"
                + " and u.unit_id = :unit) order by m.id",
            GoodPracticeModel.class)
        .setParameter("unit", unit)
        .getResultList();
  }

  /**
   * The unit row {@code from} of a model becomes {@code to} with {@code path} (merged into the row
   * of {@code to} when the model already has one; lead when either was).
   */
  void passUnit(UUID modelId, UUID from, UUID to, UUID[] path) {
    em.createNativeQuery(
            "insert into good_practice_model_unit (model_id, unit_id, unit_path, lead)"
                + " select u.model_id, :to, cast(:path as uuid[]), u.lead from good_practice_model_unit u"
                + " where u.model_id = :id and u.unit_id = :from"
                + " on conflict (model_id, unit_id) do update set unit_path = excluded.unit_path,"
                + " lead = good_practice_model_unit.lead or excluded.lead")
        .setParameter("id", modelId)
        .setParameter("from", from)
        .setParameter("to", to)
        .setParameter("path", path)
        .executeUpdate();
    em.createNativeQuery(
            "delete from good_practice_model_unit where model_id = :id and unit_id = :from")
        .setParameter("id", modelId)
        .setParameter("from", from)
        .executeUpdate();
  }

  /** The unit rows, of any model, of the units given. */
  List<StoredUnit> rowsOfUnits(Collection<UUID> units) {
    List<StoredUnit> out = new ArrayList<>();
    if (units.isEmpty()) {
      return out;
    }
    for (Object o :
        em.createNativeQuery(
                "select u.model_id, u.unit_id, u.unit_path from good_practice_model_unit u"
                    + " where u.unit_id = any(cast(:units as uuid[])) order by u.model_id, u.unit_id")
            .setParameter("units", PgTypes.uuidArray(units))
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new StoredUnit(PgTypes.uuid(r[0]), PgTypes.uuid(r[1]), PgTypes.uuids(r[2])));
    }
    return out;
  }

  /** Stores the paths of these unit rows, one statement. */
  void repath(List<StoredUnit> rows) {
    if (rows.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "update good_practice_model_unit u set unit_path = cast(x.path as uuid[])"
                + " from unnest(cast(:models as uuid[]), cast(:units as uuid[]), cast(:paths as text[]))"
                + " as x(model_id, unit_id, path) where u.model_id = x.model_id and u.unit_id = x.unit_id")
        .setParameter("models", rows.stream().map(StoredUnit::modelId).toArray(UUID[]::new))
        .setParameter("units", rows.stream().map(StoredUnit::unitId).toArray(UUID[]::new))
        .setParameter("paths", rows.stream().map(r -> literal(r.path())).toArray(String[]::new))
        .executeUpdate();
  }

  /** A new version of each model (its meaning changed but not its row), one statement. */
  List<Bumped> bumpVersions(Collection<UUID> ids, Instant at) {
    List<Bumped> out = new ArrayList<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Object o :
        em.createNativeQuery(
                "update good_practice_model set version = version + 1, updated_at = :at"
                    + " where id = any(cast(:ids as uuid[])) returning id, version, lead_unit_id")
            .setParameter("at", PgTypes.timestamp(at))
            .setParameter("ids", PgTypes.uuidArray(ids))
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

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
