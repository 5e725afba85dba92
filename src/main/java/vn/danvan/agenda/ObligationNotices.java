package vn.danvan.agenda;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationKey;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessTime;

/**
 * Notices of obligations due soon and overdue (issue 14 §1), for the change feed and webhooks: a
 * scheduled scan asks every {@link ObligationSource} for the whole country (keyset-paged, each
 * source on its own) for the obligations in term due within {@code due-soon-days} from today and
 * those overdue since at most {@code overdue-lookback-days}, and writes a notice for each one not
 * noticed before (per obligation, event and due date). Each batch inserts its notices with {@code
 * on conflict do nothing} and writes, for exactly the rows inserted, the audit events and
 * change-log entries ({@code OBLIGATION_DUE_SOON}, {@code OBLIGATION_OVERDUE}) in the same
 * transaction: two instances scanning at once never notify twice.
 */
@ApplicationScoped
public class ObligationNotices {

  private static final Logger LOG = Logger.getLogger(ObligationNotices.class);

  /** The actor of the notices' audit events. */
  public static final String ACTOR = "system:obligation-notices";

  /** The version of a notice's change-log entry: a notice never changes. */
  private static final long VERSION = 1;

  @Inject Instance<ObligationSource> sources;
  @Inject ObligationNoticeRepository repo;
  @Inject OrgUnitService units;
  @Inject AuditTrail audit;
  @Inject CurrentUser user;
  @Inject UnitScope scope;
  @Inject NoticeConfig config;
  @Inject Clock clock;

  /** What one scan did: the obligations read in the windows and the notices written. */
  public record Scan(LocalDate day, int read, int noticed, long millis) {}

  /** One batch of one source: its obligations read, the notices written, the last key read. */
  private record Batch(int read, int noticed, ObligationKey last) {}

  /** The first scan waits {@code delay} after start: the demo data is loaded by then. */
  @Scheduled(
      every = "{danvan.agenda.notices.every}",
      delayed = "{danvan.agenda.notices.delay}",
      identity = "obligation-notices",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (config.enabled()) {
      scan();
    }
  }

  /** One scan of the whole country, as the system; one transaction per batch. */
  @ActivateRequestContext
  public Scan scan() {
    user.actAsSystem(ACTOR);
    long start = System.nanoTime();
    LocalDate today = BusinessTime.today(clock);
    int read = 0;
    int noticed = 0;
    for (ObligationSource source : sources) {
      for (ObligationNoticeEvent event : ObligationNoticeEvent.values()) {
        ObligationKey after = null;
        while (true) {
          ObligationQuery query = query(event, today, after);
          Batch b = QuarkusTransaction.requiringNew().call(() -> batch(source, query, event));
          read += b.read();
          noticed += b.noticed();
          if (b.read() < config.batch() || b.last() == null) {
            break;
          }
          after = b.last();
        }
      }
    }
    Scan scan = new Scan(today, read, noticed, (System.nanoTime() - start) / 1_000_000);
    if (noticed > 0) {
      LOG.infof(
          "Obligation notices on %s: %d obligations read, %d noticed in %d ms",
          today, read, noticed, scan.millis());
    }
    return scan;
  }

  /** The obligations of {@code event}'s window on {@code day}, every kind, the whole country. */
  private ObligationQuery query(ObligationNoticeEvent event, LocalDate day, ObligationKey after) {
    boolean dueSoon = event == ObligationNoticeEvent.DUE_SOON;
    return new ObligationQuery(
        null,
        null,
        null,
        EnumSet.allOf(ObligationKind.class),
        state(event),
        dueSoon ? day : day.minusDays(config.overdueLookbackDays()),
        dueSoon ? day.plusDays(config.dueSoonDays()) : day.minusDays(1),
        day,
        after,
        false,
        config.batch());
  }

  private static ObligationState state(ObligationNoticeEvent event) {
    return event == ObligationNoticeEvent.DUE_SOON
        ? ObligationState.IN_PROGRESS_IN_TERM
        : ObligationState.OVERDUE;
  }

  private Batch batch(ObligationSource source, ObligationQuery query, ObligationNoticeEvent event) {
    List<Obligation> page = source.page(query);
    if (page.isEmpty()) {
      return new Batch(0, 0, null);
    }
    Set<UUID> unitIds = new HashSet<>();
    page.forEach(o -> unitIds.add(o.orgUnitId()));
    Map<UUID, List<UUID>> paths = units.pathsOn(unitIds, query.day());
    List<ObligationNoticeRepository.NewNotice> rows = new ArrayList<>(page.size());
    for (Obligation o : page) {
      List<UUID> path = paths.get(o.orgUnitId());
      // the source's own filters decide; a row outside them (or of no unit) is never noticed
      if (path != null
          && o.state() == query.state()
          && !o.dueDate().isBefore(query.dueFrom())
          && !o.dueDate().isAfter(query.dueTo())) {
        rows.add(
            new ObligationNoticeRepository.NewNotice(
                o.kind(), o.id(), event, o.dueDate(), o.orgUnitId(), path, o.title(), o.href()));
      }
    }
    List<ObligationNoticeRepository.Notice> inserted =
        repo.insertNew(rows, query.day(), OffsetDateTime.now(clock));
    if (!inserted.isEmpty()) {
      Map<UUID, String> names =
          units.namesOn(
              inserted.stream().map(ObligationNoticeRepository.Notice::unitId).toList(),
              query.day());
      audit.createdAll(
          event.entityType(),
          inserted.stream()
              .map(
                  n ->
                      new AuditTrail.Created(
                          n.id(), n.unitId(), VERSION, response(n, names.get(n.unitId()))))
              .toList());
    }
    return new Batch(page.size(), inserted.size(), page.getLast().key());
  }

  /**
   * For the change feed and webhooks: the notices of {@code event} among {@code ids} whose owing
   * unit lies in the caller's scope in today's tree (so a notice follows its unit through a
   * restructuring), by id. A few queries, plus one per distinct scan day for the unit names.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, ObligationNoticeResponse> readable(
      ObligationNoticeEvent event, Collection<UUID> ids) {
    List<ObligationNoticeRepository.Notice> all =
        repo.find(ids).stream().filter(n -> n.event() == event).toList();
    scope.preload(all.stream().map(ObligationNoticeRepository.Notice::unitId).toList());
    List<ObligationNoticeRepository.Notice> found =
        all.stream().filter(n -> scope.contains(n.unitId())).toList();
    Map<LocalDate, Set<UUID>> unitsByDay = new TreeMap<>();
    found.forEach(
        n -> unitsByDay.computeIfAbsent(n.noticedOn(), d -> new HashSet<>()).add(n.unitId()));
    Map<LocalDate, Map<UUID, String>> names = new TreeMap<>();
    unitsByDay.forEach((day, unitIds) -> names.put(day, units.namesOn(unitIds, day)));
    Map<UUID, ObligationNoticeResponse> out = new LinkedHashMap<>();
    for (ObligationNoticeRepository.Notice n : found) {
      out.put(n.id(), response(n, names.get(n.noticedOn()).get(n.unitId())));
    }
    return out;
  }

  private static ObligationNoticeResponse response(
      ObligationNoticeRepository.Notice n, String unitName) {
    return new ObligationNoticeResponse(
        n.id(),
        n.event(),
        n.kind(),
        n.obligationId(),
        n.dueDate(),
        state(n.event()),
        n.unitId(),
        unitName,
        n.title(),
        n.href(),
        n.noticedOn(),
        n.createdAt());
  }
}
