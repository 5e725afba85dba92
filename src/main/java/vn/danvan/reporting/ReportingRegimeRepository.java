package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;

/** SQL of the reporting regimes: keyset pages, the code's owner, the regimes listing units. */
@ApplicationScoped
class ReportingRegimeRepository {

  /** The search text; the same expression backs the trigram index reporting_regime_fold. */
  static final String SEARCH_TEXT = "danvan_fold(r.code || ' ' || r.name)";

  @Inject EntityManager em;

  ReportingRegime find(UUID id) {
    return em.find(ReportingRegime.class, id);
  }

  /** The regimes with these ids (missing ones left out). */
  List<ReportingRegime> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return ReportingRegime.list("id in ?1", ids);
  }

  /** Whether another regime has this code. */
  boolean codeTaken(String code, UUID exceptId) {
    return ReportingRegime.count("code = ?1 and id <> ?2", code, exceptId) > 0;
  }

  /**
   * One page of the list: the regimes matching {@code query} whose collecting unit lies under
   * {@code roots} (null: every regime), by code, after {@code afterCode} when given (codes are
   * unique: the code alone is the keyset key).
   */
  @SuppressWarnings("unchecked")
  List<ReportingRegime> page(
      ReportingRegimeQuery query, UUID[] roots, UUID[] above, String afterCode, int fetch) {
    SqlWhere where =
        new SqlWhere()
            .addIfPresent(
                SEARCH_TEXT + " like '%' || danvan_fold(:q) || '%' escape '\\'",
                "q",
                query.q() == null ? null : escapeLike(query.q()))
            .addIfPresent(
                "r.status = :status",
                "status",
                query.status() == null ? null : query.status().name())
            .addIfPresent(
                "r.frequency = :frequency",
                "frequency",
                query.frequency() == null ? null : query.frequency().name())
            .addIfPresent("r.template_id = :templateId", "templateId", query.templateId())
            .addIfPresent(
                "r.source_directive_id = :sourceDirectiveId",
                "sourceDirectiveId",
                query.sourceDirectiveId())
            .addIfPresent(
                "(r.collecting_unit_path && cast(:roots as uuid[])"
                    + " or r.reporting_unit_ids && cast(:above as uuid[])"
                    + " or r.reporting_targets <> 'UNITS'"
                    + " and coalesce(r.reporting_of_unit_id, r.collecting_unit_id)"
                    + " = any(cast(:above as uuid[])))",
                "roots",
                roots);
    if (roots != null) {
      where.param("above", above);
    }
    UnitFilter.apply(
        where,
        "r.collecting_unit_id",
        "r.collecting_unit_path",
        query.collectingUnitId(),
        query.orgUnitMode());
    where.addIfPresent("r.code > :afterCode", "afterCode", afterCode);
    return where
        .bind(
            em.createNativeQuery(
                "select r.* from reporting_regime r where "
                    + where.sql()
                    + " order by r.code limit :fetch",
                ReportingRegime.class))
        .setParameter("fetch", fetch)
        .getResultList();
  }

  /**
   * The regimes, not retired, that list one of {@code unitIds} among their reporting units and have
   * periods on or after {@code day}: those whose expected units a restructuring of that day
   * changes. By code.
   */
  @SuppressWarnings("unchecked")
  List<ReportingRegime> listing(Collection<UUID> unitIds, LocalDate day) {
    return em.createNativeQuery(
            "select r.* from reporting_regime r where r.status <> 'RETIRED'"
                + " and r.reporting_unit_ids && cast(:ids as uuid[])"
                + " and (r.ends_on is null or r.ends_on >= :day) order by r.code",
            ReportingRegime.class)
        .setParameter("ids", PgTypes.uuidArray(unitIds))
        .setParameter("day", day)
        .getResultList();
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
