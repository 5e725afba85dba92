package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.persistence.SqlWhere;
import vn.danvan.shared.persistence.UnitFilter;

/** SQL of the reports and their frozen versions. */
@ApplicationScoped
class ReportSubmissionRepository {

  @Inject EntityManager em;

  ReportSubmission find(UUID id) {
    return em.find(ReportSubmission.class, id);
  }

  /** The report, locked for a change (transitions read the versions they freeze or decide). */
  ReportSubmission findForUpdate(UUID id) {
    return em.find(ReportSubmission.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The report of a unit for a period of a regime, if any (one at most). */
  ReportSubmission findByKey(UUID regimeId, String period, UUID orgUnitId) {
    return ReportSubmission.<ReportSubmission>find(
            "regimeId = ?1 and period = ?2 and orgUnitId = ?3", regimeId, period, orgUnitId)
        .firstResult();
  }

  /** The report with this source key, if any (one at most). */
  ReportSubmission findBySource(String system, String sourceId) {
    return ReportSubmission.<ReportSubmission>find(
            "sourceSystem = ?1 and sourceId = ?2", system, sourceId)
        .firstResult();
  }

  /** The reports with these ids (in any order; missing ones left out). */
  List<ReportSubmission> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return ReportSubmission.<ReportSubmission>list("id in ?1", ids);
  }

  /**
   * Of the reports with these ids, those whose reporting or collecting unit's path meets {@code
   * roots} (the list's scope rule; null: all of them).
   */
  @SuppressWarnings("unchecked")
  List<ReportSubmission> findAllUnder(Collection<UUID> ids, UUID[] roots) {
    if (ids.isEmpty()) {
      return List.of();
    }
    SqlWhere where =
        new SqlWhere()
            .add("s.id = any(cast(:ids as uuid[]))", "ids", PgTypes.uuidArray(ids))
            .addIfPresent(
                "(s.org_unit_path && cast(:roots as uuid[])"
                    + " or s.collecting_unit_path && cast(:roots as uuid[]))",
                "roots",
                roots);
    return where
        .bind(
            em.createNativeQuery(
                "select s.* from report_submission s where " + where.sql(), ReportSubmission.class))
        .getResultList();
  }

  /** The reports with these source keys ({@code system}, {@code id} pairs). */
  @SuppressWarnings("unchecked")
  List<ReportSubmission> findAllBySource(List<String> systems, List<String> sourceIds) {
    if (systems.isEmpty()) {
      return List.of();
    }
    return em.createNativeQuery(
            "select s.* from report_submission s join unnest(cast(:systems as text[]),"
                + " cast(:ids as text[])) k(system, id)"
                + " on s.source_system = k.system and s.source_id = k.id",
            ReportSubmission.class)
        .setParameter("systems", systems.toArray(String[]::new))
        .setParameter("ids", sourceIds.toArray(String[]::new))
        .getResultList();
  }

  /** The reports of these (regime, period, unit) triples. */
  @SuppressWarnings("unchecked")
  List<ReportSubmission> findAllByKey(
      List<UUID> regimeIds, List<String> periods, List<UUID> unitIds) {
    if (regimeIds.isEmpty()) {
      return List.of();
    }
    return em.createNativeQuery(
            "select s.* from report_submission s join unnest(cast(:regimes as uuid[]),"
                + " cast(:periods as text[]), cast(:units as uuid[])) k(regime_id, period, unit_id)"
                + " on s.regime_id = k.regime_id and s.period = k.period"
                + " and s.org_unit_id = k.unit_id",
            ReportSubmission.class)
        .setParameter("regimes", PgTypes.uuidArray(regimeIds))
        .setParameter("periods", periods.toArray(String[]::new))
        .setParameter("units", PgTypes.uuidArray(unitIds))
        .getResultList();
  }

  /** The reports whose lock date is on or after {@code day}: those a calendar change may move. */
  List<ReportSubmission> lockingFrom(LocalDate day) {
    return ReportSubmission.<ReportSubmission>list("lockDate >= ?1", day);
  }

  /** Whether any report was made for a period of the regime. */
  boolean anyFor(UUID regimeId, String period) {
    return ReportSubmission.count("regimeId = ?1 and period = ?2", regimeId, period) > 0;
  }

  /**
   * One page of the list: the reports matching {@code query} whose reporting unit or collecting
   * unit lies under {@code roots} (null: every report), by due date then id, after the given keys.
   */
  @SuppressWarnings("unchecked")
  List<ReportSubmission> page(
      ReportSubmissionQuery query, UUID[] roots, LocalDate afterDue, UUID afterId, int fetch) {
    SqlWhere where =
        new SqlWhere()
            .addIfPresent("s.regime_id = :regimeId", "regimeId", query.regimeId())
            .addIfPresent("s.period = :period", "period", query.period())
            .addIfPresent(
                "s.status = :status",
                "status",
                query.status() == null ? null : query.status().name())
            .addIfPresent(
                "(s.org_unit_path && cast(:roots as uuid[])"
                    + " or s.collecting_unit_path && cast(:roots as uuid[]))",
                "roots",
                roots);
    if (query.late() != null) {
      where.add(query.late() ? "s.late" : "(s.late is null or not s.late)");
    }
    UnitFilter.apply(
        where, "s.org_unit_id", "s.org_unit_path", query.orgUnitId(), query.orgUnitMode());
    if (afterDue != null) {
      where
          .add("(s.due_date, s.id) > (:afterDue, :afterId)")
          .param("afterDue", afterDue)
          .param("afterId", afterId);
    }
    return where
        .bind(
            em.createNativeQuery(
                "select s.* from report_submission s where "
                    + where.sql()
                    + " order by s.due_date, s.id limit :fetch",
                ReportSubmission.class))
        .setParameter("fetch", fetch)
        .getResultList();
  }

  /** The frozen versions of a report, newest first. */
  List<ReportSubmissionVersion> versions(UUID submissionId) {
    return ReportSubmissionVersion.<ReportSubmissionVersion>find(
            "submissionId = ?1 order by number desc", submissionId)
        .list();
  }

  /** Version {@code number} of a report, or null. */
  ReportSubmissionVersion version(UUID submissionId, int number) {
    return ReportSubmissionVersion.<ReportSubmissionVersion>find(
            "submissionId = ?1 and number = ?2", submissionId, number)
        .firstResult();
  }
}
