package vn.danvan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Queries of the effective-dated tree; every list is a keyset page over (name, unit id). */
@ApplicationScoped
class OrgUnitRepository {

  static final String VALID_ON =
      "v.valid_from <= :day and (v.valid_to is null or v.valid_to >= :day)";

  @Inject EntityManager em;

  Optional<OrgUnit> find(UUID id) {
    return Optional.ofNullable(em.find(OrgUnit.class, id));
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

  Map<UUID, OrgUnit> units(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return OrgUnit.<OrgUnit>list("id in ?1", ids).stream()
        .collect(Collectors.toMap(u -> u.id, Function.identity()));
  }

  /** Versions valid on {@code day} matching {@code where}, ordered by (name, unit id), one page. */
  @SuppressWarnings("unchecked")
  List<OrgUnitVersion> page(
      String where,
      Map<String, Object> params,
      LocalDate day,
      String afterName,
      UUID afterId,
      int fetch) {
    StringBuilder sql =
        new StringBuilder("select v.* from org_unit_version v where ").append(VALID_ON);
    if (where != null && !where.isBlank()) {
      sql.append(" and (").append(where).append(')');
    }
    if (afterName != null) {
      sql.append(" and (v.name, v.unit_id) > (:afterName, :afterId)");
    }
    sql.append(" order by v.name, v.unit_id limit :fetch");
    Query q = em.createNativeQuery(sql.toString(), OrgUnitVersion.class);
    params.forEach(q::setParameter);
    q.setParameter("day", day);
    if (afterName != null) {
      q.setParameter("afterName", afterName);
      q.setParameter("afterId", afterId);
    }
    q.setParameter("fetch", fetch);
    return q.getResultList();
  }

  /** Live children of {@code parentId} on {@code day}. */
  List<OrgUnitVersion> childrenOn(UUID parentId, LocalDate day) {
    return OrgUnitVersion.list(
        "parentId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", parentId, day);
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

  boolean hasHistory(UUID unitId) {
    Number children =
        (Number)
            em.createNativeQuery(
                    "select (select count(*) from org_unit_version where parent_id = :id)"
                        + " + (select count(*) from org_unit_lineage where predecessor_id = :id or successor_id = :id)")
                .setParameter("id", unitId)
                .getSingleResult();
    return children.longValue() > 0;
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

  /** A new version of each unit (its representation changed elsewhere): (id, version) rows. */
  List<?> bumpVersions(Collection<UUID> ids, Instant at) {
    return em.createNativeQuery(
            "update org_unit set version = version + 1, updated_at = :at"
                + " where id = any(cast(:ids as uuid[])) returning id, version")
        .setParameter("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
        .setParameter(
            "ids", "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}")
        .getResultList();
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

  record LineageRow(
      UUID otherId,
      LineageKind kind,
      LocalDate effectiveDate,
      UUID restructuringId,
      String legalBasis) {}

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
              (UUID) r[0],
              LineageKind.valueOf((String) r[1]),
              toDate(r[2]),
              (UUID) r[3],
              (String) r[4]));
    }
    return rows;
  }

  static LocalDate toDate(Object o) {
    return switch (o) {
      case LocalDate d -> d;
      case java.sql.Date d -> d.toLocalDate();
      default -> LocalDate.parse(o.toString());
    };
  }

  static Map<String, Object> params() {
    return new HashMap<>();
  }
}
