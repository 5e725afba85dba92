package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.PgTypes;

/**
 * SQL of retention: the records whose personal data has expired, locked in batches, and the
 * set-based erasure.
 */
@ApplicationScoped
class ReceptionRetentionRepository {

  @Inject EntityManager em;

  /** A record whose personal data was erased: what its audit event and change entry need. */
  record Erased(UUID id, UUID unitId, long version) {}

  /**
   * Up to {@code n} visits without a case received on or before {@code cutoff} and not yet erased,
   * locked (rows another transaction holds are skipped).
   */
  List<UUID> lockVisitsWithoutCase(LocalDate cutoff, int n) {
    return ids(
        em.createNativeQuery(
                "select id from reception_visit where case_id is null and received_date <= :cutoff"
                    + " and personal_data_erased_at is null limit :n for update skip locked")
            .setParameter("cutoff", cutoff)
            .setParameter("n", n)
            .getResultList());
  }

  /** Up to {@code n} cases closed on or before {@code cutoff} and not yet erased, locked. */
  List<UUID> lockClosedCases(LocalDate cutoff, int n) {
    return ids(
        em.createNativeQuery(
                "select id from reception_case where status = 'CLOSED' and closed_date <= :cutoff"
                    + " and personal_data_erased_at is null order by closed_date limit :n"
                    + " for update skip locked")
            .setParameter("cutoff", cutoff)
            .setParameter("n", n)
            .getResultList());
  }

  /** Erases the personal data of these visits. */
  List<Erased> eraseVisits(List<UUID> ids, Instant now) {
    em.createNativeQuery("delete from reception_identity_hash where visit_id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    em.createNativeQuery("delete from reception_protected_identity where visit_id in (:ids)")
        .setParameter("ids", ids)
        .executeUpdate();
    return erased(
        em.createNativeQuery(
                "update reception_visit set visitor_data = null, personal_data_erased_at = :now,"
                    + " version = version + 1 where id in (:ids) returning id, unit_id, version")
            .setParameter("now", now)
            .setParameter("ids", ids)
            .getResultList());
  }

  /** Erases the personal data of the visits of these cases not erased yet. */
  List<Erased> eraseVisitsOfCases(List<UUID> caseIds, Instant now) {
    em.createNativeQuery(
            "delete from reception_identity_hash h using reception_visit v"
                + " where h.visit_id = v.id and v.case_id in (:ids)")
        .setParameter("ids", caseIds)
        .executeUpdate();
    em.createNativeQuery(
            "delete from reception_protected_identity p using reception_visit v"
                + " where p.visit_id = v.id and v.case_id in (:ids)")
        .setParameter("ids", caseIds)
        .executeUpdate();
    return erased(
        em.createNativeQuery(
                "update reception_visit set visitor_data = null, personal_data_erased_at = :now,"
                    + " version = version + 1"
                    + " where case_id in (:ids) and personal_data_erased_at is null"
                    + " returning id, unit_id, version")
            .setParameter("now", now)
            .setParameter("ids", caseIds)
            .getResultList());
  }

  /** Marks these cases erased. */
  List<Erased> eraseCases(List<UUID> ids, Instant now) {
    return erased(
        em.createNativeQuery(
                "update reception_case set personal_data_erased_at = :now, version = version + 1"
                    + " where id in (:ids) returning id, unit_id, version")
            .setParameter("now", now)
            .setParameter("ids", ids)
            .getResultList());
  }

  private static List<UUID> ids(List<?> rows) {
    return rows.stream().map(PgTypes::uuid).toList();
  }

  private static List<Erased> erased(List<?> rows) {
    return rows.stream()
        .map(o -> (Object[]) o)
        .map(r -> new Erased(PgTypes.uuid(r[0]), PgTypes.uuid(r[1]), PgTypes.longValue(r[2])))
        .toList();
  }
}
