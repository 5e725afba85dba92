package vn.danvan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.source.SourceKey;

/** Queries of the effective-dated tree; every list is a keyset page over (name, unit id). */
@ApplicationScoped
class OrgUnitRepository {

  private static final String VALID_ON =
      "v.valid_from <= :day and (v.valid_to is null or v.valid_to >= :day)";

  @Inject EntityManager em;

  /** A direct lineage edge seen from one unit: the unit at the other end and the change. */
  record LineageRow(
      UUID otherId,
      LineageKind kind,
      LocalDate effectiveDate,
      UUID restructuringId,
      String legalBasis) {}

  /** A unit's version counter (its ETag) after a change. */
  record UnitVersion(UUID id, long version) {}

  Optional<OrgUnit> find(UUID id) {
    return Optional.ofNullable(em.find(OrgUnit.class, id));
  }

  /**
   * Each unit's version shown on {@code day} (the rule of {@link #displayVersion}: the one begun
   * last by then, else the first), one query for all ids.
   */
  @SuppressWarnings("unchecked")
  Map<UUID, OrgUnitVersion> displayVersions(Collection<UUID> ids, LocalDate day) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<OrgUnitVersion> rows =
        em.createNativeQuery(
                "select distinct on (v.unit_id) v.* from org_unit_version v"
                    + " where v.unit_id = any(cast(:ids as uuid[]))"
                    + " order by v.unit_id, (v.valid_from <= :day) desc,"
                    + " case when v.valid_from <= :day then v.valid_from end desc, v.valid_from",
                OrgUnitVersion.class)
            .setParameter("ids", PgTypes.uuidArray(ids))
            .setParameter("day", day)
            .getResultList();
    return rows.stream().collect(Collectors.toMap(v -> v.unitId, Function.identity()));
  }

  /** The units among {@code ids} that ever stood below a root of {@code roots} (one query). */
  @SuppressWarnings("unchecked")
  List<UUID> underAny(Collection<UUID> ids, UUID[] roots) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNativeQuery(
            "select distinct v.unit_id from org_unit_version v"
                + " where v.unit_id = any(cast(:ids as uuid[])) and v.path && cast(:roots as uuid[])",
            UUID.class)
        .setParameter("ids", PgTypes.uuidArray(ids))
        .setParameter("roots", roots)
        .getResultList();
  }

  /** The unit that carries a source key, whoever may see it. */
  Optional<OrgUnit> findBySource(SourceKey key) {
    return OrgUnit.<OrgUnit>find("sourceSystem = ?1 and sourceId = ?2", key.system(), key.id())
        .firstResultOptional();
  }

  Optional<OrgUnitVersion> versionOn(UUID unitId, LocalDate day) {
    return OrgUnitVersion.<OrgUnitVersion>find(
            "unitId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", unitId, day)
        .firstResultOptional();
  }

  /** The version valid on {@code day}; else the last one before it; else the first one. */
  OrgUnitVersion displayVersion(UUID unitId, LocalDate day) {
    return versionOn(unitId, day)
        .or(
            () ->
                OrgUnitVersion.<OrgUnitVersion>find(
                        "unitId = ?1 and validFrom <= ?2 order by validFrom desc", unitId, day)
                    .firstResultOptional())
        .orElseGet(
            () ->
                OrgUnitVersion.<OrgUnitVersion>find("unitId = ?1 order by validFrom", unitId)
                    .firstResult());
  }

  List<OrgUnitVersion> versionsFrom(UUID unitId, LocalDate day) {
    return OrgUnitVersion.list("unitId = ?1 and validFrom >= ?2", unitId, day);
  }

  void deleteVersions(UUID unitId) {
    OrgUnitVersion.delete("unitId", unitId);
  }

  Map<UUID, OrgUnit> units(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return OrgUnit.<OrgUnit>list("id in ?1", ids).stream()
        .collect(Collectors.toMap(u -> u.id, Function.identity()));
  }

  /**
   * One page of the versions valid on the query's day that match it, ordered by (name, unit id),
   * after the given key; {@code roots} (a {@code uuid[]} literal, null for everything) keeps the
   * versions standing below a root of the caller's scope (GIN on path).
   */
  @SuppressWarnings("unchecked")
  List<OrgUnitVersion> page(
      OrgUnitQuery query, UUID[] roots, String afterName, UUID afterId, int fetch) {
    SqlWhere where = new SqlWhere().add(VALID_ON, "day", query.day());
    if (query.q() != null) {
      where.add(
          "danvan_fold(v.name || ' ' || coalesce(v.short_name, '') || ' ' || coalesce(v.code, ''))"
              + " like '%' || danvan_fold(:q) || '%' escape '\\'",
          "q", escapeLike(query.q()));
    }
    where
        .addIfPresent("v.kind = :kind", "kind", query.kind() == null ? null : query.kind().name())
        .addIfPresent("v.parent_id = :parent", "parent", query.parentId())
        .addIfPresent("v.code = :code", "code", query.code())
        .addIfPresent(
            "v.path @> array[cast(:below as uuid)] and v.unit_id <> :below",
            "below",
            query.belowId())
        .addIfPresent("v.path && cast(:roots as uuid[])", "roots", roots);
    if (afterName != null) {
      where.add("(v.name, v.unit_id) > (:afterName, :afterId)", "afterName", afterName);
      where.param("afterId", afterId);
    }
    where.param("fetch", fetch);
    return where
        .bind(
            em.createNativeQuery(
                "select v.* from org_unit_version v where "
                    + where.sql()
                    + " order by v.name, v.unit_id limit :fetch",
                OrgUnitVersion.class))
        .getResultList();
  }

  /** Live children of {@code parentId} on {@code day}. */
  List<OrgUnitVersion> childrenOn(UUID parentId, LocalDate day) {
    return OrgUnitVersion.list(
        "parentId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", parentId, day);
  }

  /**
   * The subtree of {@code unitId} on {@code day} (the unit included) and, transitively, the lineage
   * predecessors of its units that had closed by then, each with its kind and whether it is valid
   * on the day. One recursive statement: the path index for the subtree, the successor index of the
   * lineage for the predecessors.
   */
  List<OrgUnitService.SubtreeMember> subtreeOn(UUID unitId, LocalDate day) {
    List<OrgUnitService.SubtreeMember> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "with recursive s(unit_id, kind, valid) as ("
                    + " select v.unit_id, v.kind, true from org_unit_version v"
                    + " where v.path @> array[cast(:id as uuid)] and "
                    + VALID_ON
                    + " union"
                    // a probe of the successor index per unit; "offset 0" keeps the subquery
                    // lateral (pulled up, it becomes a hash join over every edge of the country)
                    + " select p.id, p.kind, false from s cross join lateral ("
                    + " select u.id, u.kind from org_unit_lineage l join org_unit u on u.id = l.predecessor_id"
                    + " where l.successor_id = s.unit_id and l.effective_date <= :day"
                    + " and u.valid_to < :day offset 0) p)"
                    + " select unit_id, min(kind), bool_or(valid) from s group by unit_id"
                    + " order by unit_id")
            .setParameter("id", unitId)
            .setParameter("day", day)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new OrgUnitService.SubtreeMember(
              PgTypes.uuid(r[0]), OrgUnitKind.valueOf((String) r[1]), Boolean.TRUE.equals(r[2])));
    }
    return out;
  }

  /**
   * Units of {@code kind} anywhere below {@code ancestorId} valid on {@code day}, with the name of
   * that day's version, in id order.
   */
  Map<UUID, String> descendantNamesOfKindOn(UUID ancestorId, OrgUnitKind kind, LocalDate day) {
    Map<UUID, String> out = new LinkedHashMap<>();
    List<?> rows =
        em.createNativeQuery(
                "select v.unit_id, v.name from org_unit_version v"
                    + " where v.path @> array[cast(:id as uuid)]"
                    + " and v.unit_id <> :id and v.kind = :kind and "
                    + VALID_ON
                    + " order by v.unit_id")
            .setParameter("id", ancestorId)
            .setParameter("kind", kind.name())
            .setParameter("day", day)
            .getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.put(PgTypes.uuid(r[0]), (String) r[1]);
    }
    return out;
  }

  /**
   * The units of one of {@code kinds} valid on {@code day} (unit and version) whose path of that
   * day holds one of {@code anchors} (any path when null), with that path and the unit's first day,
   * in id order. The ancestors' ids are shared between rows.
   */
  List<OrgUnitService.UnitOnDay> unitsOfKindsOn(
      List<UUID> anchors, Collection<OrgUnitKind> kinds, LocalDate day) {
    var query =
        em.createNativeQuery(
                "select v.unit_id, v.kind, v.path, u.valid_from from org_unit_version v"
                    + " join org_unit u on u.id = v.unit_id where "
                    + (anchors == null ? "" : "v.path && cast(:anchors as uuid[]) and ")
                    + "v.kind = any(cast(:kinds as text[])) and "
                    + VALID_ON
                    + " and u.valid_from <= :day and (u.valid_to is null or u.valid_to >= :day)"
                    + " order by v.unit_id")
            .setParameter("kinds", kinds.stream().map(Enum::name).toArray(String[]::new))
            .setParameter("day", day);
    if (anchors != null) {
      query.setParameter("anchors", PgTypes.uuidArray(anchors));
    }
    List<?> rows = query.getResultList();
    List<OrgUnitService.UnitOnDay> out = new ArrayList<>(rows.size());
    Map<UUID, UUID> shared = new HashMap<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      UUID[] path = PgTypes.uuids(r[2]);
      for (int i = 0; i < path.length; i++) {
        path[i] = shared.computeIfAbsent(path[i], Function.identity());
      }
      out.add(
          new OrgUnitService.UnitOnDay(
              path[path.length - 1],
              OrgUnitKind.valueOf((String) r[1]),
              List.of(path),
              PgTypes.toDate(r[3])));
    }
    return out;
  }

  /**
   * The tree's revision ({@code org_unit_tree_revision}) and the id of the transaction that wrote
   * it (its {@code xmin}).
   */
  long[] treeRevision() {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select revision, cast(cast(xmin as text) as bigint)"
                        + " from org_unit_tree_revision where id = 1")
                .getSingleResult();
    return new long[] {PgTypes.longValue(r[0]), PgTypes.longValue(r[1])};
  }

  /** Units of {@code kind} anywhere below {@code ancestorId}, valid on {@code day}. */
  @SuppressWarnings("unchecked")
  List<UUID> descendantIdsOfKindOn(UUID ancestorId, OrgUnitKind kind, LocalDate day) {
    return em.createNativeQuery(
            "select v.unit_id from org_unit_version v where v.path @> array[cast(:id as uuid)]"
                + " and v.unit_id <> :id and v.kind = :kind and "
                + VALID_ON
                + " order by v.unit_id",
            UUID.class)
        .setParameter("id", ancestorId)
        .setParameter("kind", kind.name())
        .setParameter("day", day)
        .getResultList();
  }

  /**
   * Versions of units strictly below {@code unitId} that are valid on {@code day} or start later.
   */
  @SuppressWarnings("unchecked")
  List<OrgUnitVersion> descendantVersionsFrom(UUID unitId, LocalDate day) {
    return em.createNativeQuery(
            "select v.* from org_unit_version v where v.path @> array[cast(:id as uuid)] and v.unit_id <> :id"
                + " and (v.valid_to is null or v.valid_to >= :day) order by v.depth",
            OrgUnitVersion.class)
        .setParameter("id", unitId)
        .setParameter("day", day)
        .getResultList();
  }

  /** Whether some version of the unit stands strictly below {@code ancestorId}. */
  boolean isStrictlyBelow(UUID unitId, UUID ancestorId) {
    return !unitId.equals(ancestorId)
        && (Boolean)
            em.createNativeQuery(
                    "select exists (select 1 from org_unit_version v where v.unit_id = :id"
                        + " and v.path @> array[cast(:ancestor as uuid)])")
                .setParameter("id", unitId)
                .setParameter("ancestor", ancestorId)
                .getSingleResult();
  }

  /** Whether the unit ever had children or lineage edges. */
  boolean hasHistory(UUID unitId) {
    Object count =
        em.createNativeQuery(
                "select (select count(*) from org_unit_version where parent_id = :id)"
                    + " + (select count(*) from org_unit_lineage where predecessor_id = :id or successor_id = :id)")
            .setParameter("id", unitId)
            .getSingleResult();
    return PgTypes.longValue(count) > 0;
  }

  /**
   * Each unit's name on {@code day} (its latest version begun by then, else its first: the rule of
   * the SQL function {@code org_unit_name_on}); ids of no unit are left out. One pass over the
   * (unit_id, valid_from) index, as {@link #pathsOn}: calling the function once per unit costs a
   * function call and two index probes per unit (≈ 100 ms for the 3,321 communes).
   */
  Map<UUID, String> namesOn(Collection<UUID> ids, LocalDate day) {
    Map<UUID, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    List<?> rows =
        em.createNativeQuery(
                "select distinct on (v.unit_id) v.unit_id, v.name from org_unit_version v"
                    + " where v.unit_id = any(cast(:ids as uuid[]))"
                    + " order by v.unit_id, (v.valid_from <= :day) desc,"
                    + " case when v.valid_from <= :day then v.valid_from end desc, v.valid_from")
            .setParameter("ids", PgTypes.uuidArray(ids))
            .setParameter("day", day)
            .getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      names.put(PgTypes.uuid(r[0]), (String) r[1]);
    }
    return names;
  }

  /**
   * Each unit on its day as {@link OrgUnitService#find} answers it (the version of {@link
   * #displayVersion}), in one query; units that do not exist are left out.
   */
  Map<OrgUnitService.UnitDay, OrgUnitResponse> findAllOn(Collection<OrgUnitService.UnitDay> keys) {
    Map<OrgUnitService.UnitDay, OrgUnitResponse> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    List<OrgUnitService.UnitDay> distinct = keys.stream().distinct().toList();
    List<?> rows =
        em.createNativeQuery(
                "select x.unit_id, x.day, u.kind, v.name, v.short_name, v.code, v.parent_id, v.path,"
                    + " v.depth, u.valid_from, u.valid_to, v.valid_from, v.valid_to, u.version,"
                    + " u.source_system, u.source_id, u.source_version, u.source_updated_at"
                    + " from unnest(cast(:ids as uuid[]), cast(cast(:days as text[]) as date[]))"
                    + " as x(unit_id, day)"
                    + " join org_unit u on u.id = x.unit_id"
                    + " join lateral (select v.* from org_unit_version v where v.unit_id = x.unit_id"
                    + "   order by (v.valid_from <= x.day) desc,"
                    + "   case when v.valid_from <= x.day then v.valid_from end desc, v.valid_from"
                    + "   limit 1) v on true")
            .setParameter(
                "ids", distinct.stream().map(OrgUnitService.UnitDay::id).toArray(UUID[]::new))
            .setParameter(
                "days", distinct.stream().map(k -> k.day().toString()).toArray(String[]::new))
            .getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      LocalDate day = PgTypes.toDate(r[1]);
      LocalDate unitFrom = PgTypes.toDate(r[9]);
      LocalDate unitTo = PgTypes.toDate(r[10]);
      LocalDate versionFrom = PgTypes.toDate(r[11]);
      LocalDate versionTo = PgTypes.toDate(r[12]);
      boolean active =
          !unitFrom.isAfter(day)
              && (unitTo == null || !unitTo.isBefore(day))
              && !versionFrom.isAfter(day)
              && (versionTo == null || !versionTo.isBefore(day));
      UUID id = PgTypes.uuid(r[0]);
      out.put(
          new OrgUnitService.UnitDay(id, day),
          new OrgUnitResponse(
              id,
              OrgUnitKind.valueOf((String) r[2]),
              (String) r[3],
              (String) r[4],
              (String) r[5],
              PgTypes.uuid(r[6]),
              List.of(PgTypes.uuids(r[7])),
              PgTypes.intValue(r[8]),
              unitFrom,
              unitTo,
              versionFrom,
              versionTo,
              active,
              (String) r[14],
              (String) r[15],
              r[16] == null ? null : PgTypes.longValue(r[16]),
              PgTypes.timestamp(PgTypes.instant(r[17])),
              PgTypes.longValue(r[13])));
    }
    return out;
  }

  /**
   * Each unit's path on {@code day}: its latest version begun by then, else its first (as {@link
   * #namesOn}); one pass over the (unit_id, valid_from) index.
   */
  Map<UUID, List<UUID>> pathsOn(Collection<UUID> ids, LocalDate day) {
    Map<UUID, List<UUID>> paths = new HashMap<>();
    if (ids.isEmpty()) {
      return paths;
    }
    List<?> rows =
        em.createNativeQuery(
                "select distinct on (v.unit_id) v.unit_id, v.path from org_unit_version v"
                    + " where v.unit_id = any(cast(:ids as uuid[]))"
                    + " order by v.unit_id, (v.valid_from <= :day) desc,"
                    + " case when v.valid_from <= :day then v.valid_from end desc, v.valid_from")
            .setParameter("ids", PgTypes.uuidArray(ids))
            .setParameter("day", day)
            .getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      paths.put(PgTypes.uuid(r[0]), List.of(PgTypes.uuids(r[1])));
    }
    return paths;
  }

  void insertLineage(
      UUID predecessor,
      UUID successor,
      LineageKind kind,
      LocalDate effective,
      UUID restructuringId) {
    em.createNativeQuery(
            "insert into org_unit_lineage (id, predecessor_id, successor_id, kind, effective_date, restructuring_id)"
                + " values (:id, :p, :s, :k, :d, :r) on conflict (predecessor_id, successor_id, effective_date) do nothing")
        .setParameter("id", UUID.randomUUID())
        .setParameter("p", predecessor)
        .setParameter("s", successor)
        .setParameter("k", kind.name())
        .setParameter("d", effective)
        .setParameter("r", restructuringId)
        .executeUpdate();
  }

  /** A new version of each unit (its representation changed elsewhere). */
  List<UnitVersion> bumpVersions(Collection<UUID> ids, Instant at) {
    List<UnitVersion> bumped = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "update org_unit set version = version + 1, updated_at = :at"
                    + " where id = any(cast(:ids as uuid[])) returning id, version")
            .setParameter("at", PgTypes.timestamp(at))
            .setParameter("ids", PgTypes.uuidArray(ids))
            .getResultList()) {
      Object[] r = (Object[]) o;
      bumped.add(new UnitVersion(PgTypes.uuid(r[0]), PgTypes.longValue(r[1])));
    }
    return bumped;
  }

  void insertRestructuring(
      UUID id,
      RestructuringKind kind,
      LocalDate effective,
      String legalBasis,
      String note,
      String request,
      String actor) {
    em.createNativeQuery(
            "insert into org_unit_restructuring (id, kind, effective_date, legal_basis, note, request, created_by)"
                + " values (:id, :k, :d, :l, :n, cast(:r as jsonb), :a)")
        .setParameter("id", id)
        .setParameter("k", kind.name())
        .setParameter("d", effective)
        .setParameter("l", legalBasis)
        .setParameter("n", note)
        .setParameter("r", request)
        .setParameter("a", actor)
        .executeUpdate();
  }

  /** Direct lineage edges; {@code predecessors} true: edges into the unit, else edges out of it. */
  List<LineageRow> lineage(UUID unitId, boolean predecessors) {
    String sql =
        predecessors
            ? "select l.predecessor_id, l.kind, l.effective_date, l.restructuring_id, r.legal_basis from org_unit_lineage l"
                + " left join org_unit_restructuring r on r.id = l.restructuring_id where l.successor_id = :id"
            : "select l.successor_id, l.kind, l.effective_date, l.restructuring_id, r.legal_basis from org_unit_lineage l"
                + " left join org_unit_restructuring r on r.id = l.restructuring_id where l.predecessor_id = :id";
    List<LineageRow> rows = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(sql + " order by l.effective_date, l.id")
            .setParameter("id", unitId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(
          new LineageRow(
              PgTypes.uuid(r[0]),
              LineageKind.valueOf((String) r[1]),
              PgTypes.toDate(r[2]),
              PgTypes.uuid(r[3]),
              (String) r[4]));
    }
    return rows;
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
