package vn.danvan.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.persistence.PgTypes;

/** SQL of the agenda's notices ({@code obligation_notice}, V33). */
@ApplicationScoped
class ObligationNoticeRepository {

  /** A notice to write: the obligation as its source answered it and its unit's path. */
  record NewNotice(
      ObligationKind kind,
      UUID obligationId,
      ObligationNoticeEvent event,
      LocalDate dueDate,
      UUID unitId,
      List<UUID> unitPath,
      String title,
      String href) {}

  /** A stored notice. */
  record Notice(
      UUID id,
      ObligationKind kind,
      UUID obligationId,
      ObligationNoticeEvent event,
      LocalDate dueDate,
      UUID unitId,
      String title,
      String href,
      LocalDate noticedOn,
      OffsetDateTime createdAt) {}

  private static final String COLUMNS =
      "id, kind, obligation_id, event, due_date, unit_id, title, href, noticed_on, created_at";

  @Inject EntityManager em;

  /**
   * Writes the notices not written before (one statement, {@code on conflict do nothing}) and
   * returns exactly those it wrote: a notice another scan wrote first, committed or not yet, is not
   * returned (the unique key waits for the other transaction, then skips the row).
   */
  List<Notice> insertNew(List<NewNotice> rows, LocalDate day, OffsetDateTime at) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<?> out =
        em.createNativeQuery(
                "insert into obligation_notice (id, kind, obligation_id, event, due_date, unit_id,"
                    + " unit_path, title, href, noticed_on, created_at)"
                    + " select gen_random_uuid(), r.kind, r.oid, r.event, r.due, r.unit,"
                    + " cast(r.path as uuid[]), r.title, r.href, :day, :at"
                    + " from unnest(cast(:kinds as text[]), cast(:ids as uuid[]),"
                    + " cast(:events as text[]), cast(:dues as date[]), cast(:units as uuid[]),"
                    + " cast(:paths as text[]), cast(:titles as text[]), cast(:hrefs as text[]))"
                    + " as r(kind, oid, event, due, unit, path, title, href)"
                    + " on conflict (kind, obligation_id, event, due_date) do nothing"
                    + " returning "
                    + COLUMNS)
            .setParameter("kinds", rows.stream().map(r -> r.kind().name()).toArray(String[]::new))
            .setParameter("ids", rows.stream().map(NewNotice::obligationId).toArray(UUID[]::new))
            .setParameter("events", rows.stream().map(r -> r.event().name()).toArray(String[]::new))
            .setParameter(
                "dues", rows.stream().map(r -> r.dueDate().toString()).toArray(String[]::new))
            .setParameter("units", rows.stream().map(NewNotice::unitId).toArray(UUID[]::new))
            .setParameter(
                "paths",
                rows.stream()
                    .map(
                        r ->
                            r.unitPath().stream()
                                .map(UUID::toString)
                                .collect(Collectors.joining(",", "{", "}")))
                    .toArray(String[]::new))
            .setParameter("titles", rows.stream().map(NewNotice::title).toArray(String[]::new))
            .setParameter("hrefs", rows.stream().map(NewNotice::href).toArray(String[]::new))
            .setParameter("day", day)
            .setParameter("at", at)
            .getResultList();
    return notices(out);
  }

  /** The notices among {@code ids} that exist. */
  List<Notice> find(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return notices(
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from obligation_notice where id = any(cast(:ids as uuid[]))")
            .setParameter("ids", PgTypes.uuidArray(ids))
            .getResultList());
  }

  private static List<Notice> notices(List<?> rows) {
    List<Notice> out = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      out.add(
          new Notice(
              PgTypes.uuid(r[0]),
              ObligationKind.valueOf((String) r[1]),
              PgTypes.uuid(r[2]),
              ObligationNoticeEvent.valueOf((String) r[3]),
              PgTypes.toDate(r[4]),
              PgTypes.uuid(r[5]),
              (String) r[6],
              (String) r[7],
              PgTypes.toDate(r[8]),
              PgTypes.timestamp(PgTypes.instant(r[9]))));
    }
    return out;
  }
}
