package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/** SQL of the expected reports in the agenda: the active regimes and their periods' submissions. */
@ApplicationScoped
class ReportAgendaRepository {

  /** One unit's submission of one period: as completeness reads it ({@link SubmissionState}). */
  record Submission(
      UUID regimeId,
      String period,
      UUID unitId,
      UUID id,
      String status,
      LocalDate due,
      Instant firstSubmittedAt) {}

  @Inject EntityManager em;

  /** The active regimes, by code. */
  List<ReportingRegime> active() {
    return ReportingRegime.list("status = ?1 order by code", ReportingRegimeStatus.ACTIVE);
  }

  /**
   * The submissions of the (regime, period) pairs by the {@code units} (null: by every unit), one
   * query: index report_submission_period once per pair.
   */
  List<Submission> submissions(List<UUID> regimes, List<String> periods, Collection<UUID> units) {
    if (regimes.isEmpty() || units != null && units.isEmpty()) {
      return List.of();
    }
    Query query =
        em.createNativeQuery(
                "select s.regime_id, s.period, s.org_unit_id, s.id, s.status, s.due_date,"
                    + " s.first_submitted_at from unnest(cast(:regimes as uuid[]),"
                    + " cast(:periods as text[])) k(r, p)"
                    + " join report_submission s on s.regime_id = k.r and s.period = k.p"
                    + (units == null ? "" : " where s.org_unit_id = any(cast(:units as uuid[]))"))
            .setParameter("regimes", PgTypes.uuidArray(regimes))
            .setParameter("periods", periods.toArray(String[]::new));
    if (units != null) {
      query.setParameter("units", PgTypes.uuidArray(units));
    }
    List<Submission> out = new ArrayList<>();
    for (Object o : query.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Submission(
              PgTypes.uuid(r[0]),
              (String) r[1],
              PgTypes.uuid(r[2]),
              PgTypes.uuid(r[3]),
              (String) r[4],
              PgTypes.toDate(r[5]),
              PgTypes.instant(r[6])));
    }
    return out;
  }
}
