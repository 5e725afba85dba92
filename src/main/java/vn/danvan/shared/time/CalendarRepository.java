package vn.danvan.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.danvan.shared.persistence.PgTypes;

/** SQL of the business calendar: the listed days ({@code business_calendar_day}). */
@ApplicationScoped
class CalendarRepository {

  private static final String COLUMNS = "day, kind, name_vi, name_en, legal_basis, version";

  @Inject EntityManager em;

  /**
   * Every listed day, read in a transaction of its own: the committed calendar, whatever the
   * caller's transaction has written.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  List<CalendarDay> all() {
    return rows(
        em.createNativeQuery("select " + COLUMNS + " from business_calendar_day order by day")
            .getResultList());
  }

  /** The listed day, locked until the transaction ends. */
  Optional<CalendarDay> lock(LocalDate day) {
    return rows(
            em.createNativeQuery(
                    "select " + COLUMNS + " from business_calendar_day where day = :d for update")
                .setParameter("d", day)
                .getResultList())
        .stream()
        .findFirst();
  }

  /** Lists a day at version 0; empty when it is listed already (by a concurrent request). */
  Optional<CalendarDay> insert(
      LocalDate day, CalendarDayKind kind, String nameVi, String nameEn, String legalBasis) {
    return rows(
            em.createNativeQuery(
                    "insert into business_calendar_day (day, kind, name_vi, name_en, legal_basis)"
                        + " values (:d, :k, :vi, :en, :b) on conflict (day) do nothing returning "
                        + COLUMNS)
                .setParameter("d", day)
                .setParameter("k", kind.name())
                .setParameter("vi", nameVi)
                .setParameter("en", nameEn)
                .setParameter("b", legalBasis)
                .getResultList())
        .stream()
        .findFirst();
  }

  /** Replaces a listed day (locked by the caller), one version up. */
  CalendarDay replace(
      LocalDate day, CalendarDayKind kind, String nameVi, String nameEn, String legalBasis) {
    return rows(em.createNativeQuery(
                "update business_calendar_day set kind = :k, name_vi = :vi, name_en = :en,"
                    + " legal_basis = :b, version = version + 1 where day = :d returning "
                    + COLUMNS)
            .setParameter("d", day)
            .setParameter("k", kind.name())
            .setParameter("vi", nameVi)
            .setParameter("en", nameEn)
            .setParameter("b", legalBasis)
            .getResultList())
        .getFirst();
  }

  void delete(LocalDate day) {
    em.createNativeQuery("delete from business_calendar_day where day = :d")
        .setParameter("d", day)
        .executeUpdate();
  }

  private static List<CalendarDay> rows(List<?> result) {
    return result.stream()
        .map(
            row -> {
              Object[] r = (Object[]) row;
              return new CalendarDay(
                  PgTypes.toDate(r[0]),
                  CalendarDayKind.valueOf((String) r[1]),
                  (String) r[2],
                  (String) r[3],
                  (String) r[4],
                  PgTypes.longValue(r[5]));
            })
        .toList();
  }
}
