package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.time.BusinessTime;

/**
 * The periodic reports in the agenda: one obligation per active regime × period × expected unit (as
 * the period's completeness lists them), due on the unit's submission's due date, else the period's
 * first; done on the day of the first submission while the report stands sent (SUBMITTED or
 * ACCEPTED; a returned report is owed again). The periods are those begun by the query's day, at
 * most the latest {@value #MAX_PERIODS} of a regime; periods whose due dates all fall outside the
 * query's dates or before its cursor are not resolved. Its id is a name-based UUID of regime,
 * period and unit. Queries: the regimes; for each period resolved its submissions and its expected
 * units (as the completeness resolves them: the units of the kind, and the listed and collecting
 * units read at once, one resolver per regime); the units' paths once per answer.
 */
@ApplicationScoped
class ReportObligationSource implements ObligationSource {

  static final int MAX_PERIODS = ReportingPeriodService.MAX_PERIODS;
  private static final Set<ObligationKind> KINDS = Set.of(ObligationKind.REPORT);

  @Inject ReportAgendaRepository repo;
  @Inject ReportingPeriodService periods;
  @Inject OrgUnitService units;

  @Override
  public Set<ObligationKind> kinds() {
    return KINDS;
  }

  @Override
  public List<Obligation> page(ObligationQuery query) {
    if (!query.wantsAny(KINDS)) {
      return List.of();
    }
    Comparator<Obligation> order = Comparator.comparing(Obligation::key);
    return expected(query, true).stream()
        .sorted(query.descending() ? order.reversed() : order)
        .limit(query.limit())
        .toList();
  }

  @Override
  public List<ObligationCount> count(
      ObligationQuery query, ObligationGrouping groupBy, int groupLevel) {
    if (!query.wantsAny(KINDS)) {
      return List.of();
    }
    List<Obligation> all = expected(query, false);
    Map<UUID, List<UUID>> paths =
        groupBy == ObligationGrouping.CHILD_UNIT
            ? units.pathsOn(
                all.stream().map(Obligation::orgUnitId).distinct().toList(), query.day())
            : Map.of();
    Map<List<Object>, Long> sums = new HashMap<>();
    for (Obligation o : all) {
      Object key =
          switch (groupBy) {
            case KIND -> "";
            case MONTH -> YearMonth.from(o.dueDate());
            case CHILD_UNIT -> {
              List<UUID> path = paths.get(o.orgUnitId());
              yield path != null && path.size() >= groupLevel
                  ? path.get(groupLevel - 1)
                  : o.orgUnitId();
            }
          };
      sums.merge(List.of(key, o.state()), 1L, Long::sum);
    }
    List<ObligationCount> out = new ArrayList<>();
    sums.forEach(
        (k, n) ->
            out.add(
                new ObligationCount(
                    ObligationKind.REPORT,
                    (ObligationState) k.get(1),
                    k.get(0) instanceof UUID u ? u : null,
                    k.get(0) instanceof YearMonth m ? m : null,
                    n)));
    return out;
  }

  /** A period of a regime to resolve, with the earliest and latest due date of its levels. */
  private record Wanted(
      ReportingRegime regime,
      ReportingPeriodService.Resolver periods,
      PeriodCode code,
      LocalDate min,
      LocalDate max) {}

  /**
   * What one answer reads once: the units' paths on the query's day, shared by the periods it
   * resolves (the same units report period after period).
   */
  private final class Lookups {
    private final Map<UUID, List<UUID>> paths = new HashMap<>();

    Map<UUID, List<UUID>> pathsOn(Set<UUID> ids, LocalDate day) {
      List<UUID> missing = ids.stream().filter(id -> !paths.containsKey(id)).toList();
      if (!missing.isEmpty()) {
        Map<UUID, List<UUID>> found = units.pathsOn(missing, day);
        // a unit of no path stays absent from the answer, as pathsOn leaves it out
        missing.forEach(id -> paths.put(id, found.get(id)));
      }
      Map<UUID, List<UUID>> out = new HashMap<>();
      for (UUID id : ids) {
        List<UUID> path = paths.get(id);
        if (path != null) {
          out.put(id, path);
        }
      }
      return out;
    }
  }

  /**
   * Every expected report matching the query (after its cursor when {@code paged}). A page resolves
   * the periods in its order and stops once it holds {@code limit} entries that come before every
   * due date of the next period; periods that cannot hold the wanted state (all due dates on or
   * after the day for {@code OVERDUE}, all before it for {@code IN_PROGRESS_IN_TERM}) are skipped.
   */
  private List<Obligation> expected(ObligationQuery q, boolean paged) {
    LocalDate day = q.day();
    List<Wanted> wanted = new ArrayList<>();
    for (ReportingRegime regime : repo.active()) {
      ReportingPeriodService.Resolver resolver = periods.resolver(regime);
      PeriodSchedule schedule = resolver.schedule();
      for (PeriodCode code : begunBy(regime, day)) {
        List<LevelDueDate> dues = schedule.period(code).dueDates();
        LocalDate first = dues.isEmpty() ? code.end() : dues.get(0).dueDate();
        LocalDate min = first;
        LocalDate max = first;
        for (LevelDueDate d : dues) {
          min = d.dueDate().isBefore(min) ? d.dueDate() : min;
          max = d.dueDate().isAfter(max) ? d.dueDate() : max;
        }
        boolean outside =
            (q.dueFrom() != null && max.isBefore(q.dueFrom()))
                || (q.dueTo() != null && min.isAfter(q.dueTo()))
                || (q.state() == ObligationState.OVERDUE && !min.isBefore(day))
                || (q.state() == ObligationState.IN_PROGRESS_IN_TERM && max.isBefore(day))
                || (paged
                    && q.after() != null
                    && (q.descending()
                        ? min.isAfter(q.after().dueDate())
                        : max.isBefore(q.after().dueDate())));
        if (!outside) {
          wanted.add(new Wanted(regime, resolver, code, min, max));
        }
      }
    }
    Lookups lookups = new Lookups();
    if (!paged) {
      return resolve(q, wanted, false, lookups);
    }
    wanted.sort(
        q.descending()
            ? Comparator.comparing(Wanted::max).reversed()
            : Comparator.comparing(Wanted::min));
    Comparator<Obligation> order = Comparator.comparing(Obligation::key);
    if (q.descending()) {
      order = order.reversed();
    }
    List<Obligation> out = new ArrayList<>();
    for (Wanted w : wanted) {
      if (out.size() >= q.limit()) {
        out.sort(order);
        LocalDate last = out.get(q.limit() - 1).dueDate();
        if (q.descending() ? w.max().isBefore(last) : w.min().isAfter(last)) {
          break;
        }
      }
      out.addAll(resolve(q, List.of(w), true, lookups));
    }
    return out;
  }

  /** The expected reports of {@code wanted} that match the query: one query for submissions. */
  private List<Obligation> resolve(
      ObligationQuery q, List<Wanted> wanted, boolean paged, Lookups lookups) {
    if (wanted.isEmpty()) {
      return List.of();
    }
    LocalDate day = q.day();
    Map<String, ReportAgendaRepository.Submission> submitted = new HashMap<>();
    for (ReportAgendaRepository.Submission s :
        repo.submissions(
            wanted.stream().map(w -> w.regime().id).toList(),
            wanted.stream().map(w -> w.code().code()).toList())) {
      submitted.put(key(s.regimeId(), s.period(), s.unitId()), s);
    }
    List<Obligation> all = new ArrayList<>();
    for (Wanted w : wanted) {
      ReportingPeriodResponse p = w.periods().periodOf(w.code()).orElse(null);
      if (p == null) {
        continue;
      }
      LocalDate firstDue = p.dueDates().isEmpty() ? p.endDate() : p.dueDates().get(0).dueDate();
      Set<UUID> inUnits = unitsOf(q, p.expectedUnits(), lookups);
      for (ReportingPeriodResponse.ExpectedUnit e : p.expectedUnits()) {
        if (inUnits != null && !inUnits.contains(e.unitId())) {
          continue; // outside the query's unit or scope: never built
        }
        ReportAgendaRepository.Submission s =
            submitted.get(key(p.regimeId(), p.code(), e.unitId()));
        LocalDate due = s != null && s.due() != null ? s.due() : firstDue;
        boolean sent =
            s != null && ("SUBMITTED".equals(s.status()) || "ACCEPTED".equals(s.status()));
        LocalDate done =
            sent && s.firstSubmittedAt() != null
                ? s.firstSubmittedAt().atZone(BusinessTime.ZONE).toLocalDate()
                : null;
        UUID id = idOf(p.regimeId(), p.code(), e.unitId());
        all.add(
            new Obligation(
                ObligationKind.REPORT,
                id,
                e.unitId(),
                due,
                ObligationState.of(due, done, day),
                done != null && !done.isAfter(day) ? done : null,
                w.regime().name + " – kỳ " + p.code(),
                s != null
                    ? "/api/v1/report-submissions/" + s.id()
                    : "/api/v1/report-completeness?regimeId="
                        + p.regimeId()
                        + "&period="
                        + p.code()));
      }
    }
    return filter(q, all, paged, lookups);
  }

  /**
   * The expected units of the query's unit (and mode) and scope, decided before any entry is built:
   * a province's page over a regime of every commune of the country builds its own communes'
   * entries only. Null when the query selects every unit.
   */
  private Set<UUID> unitsOf(
      ObligationQuery q, List<ReportingPeriodResponse.ExpectedUnit> expected, Lookups lookups) {
    if (q.unitId() == null && q.roots() == null) {
      return null;
    }
    Set<UUID> ids = new LinkedHashSet<>();
    expected.forEach(e -> ids.add(e.unitId()));
    Map<UUID, List<UUID>> paths = lookups.pathsOn(ids, q.day());
    Set<UUID> roots = q.roots() == null ? null : Set.of(q.roots());
    Set<UUID> in = new HashSet<>();
    for (UUID id : ids) {
      if (matches(q, id, paths.getOrDefault(id, List.of(id)), roots)) {
        in.add(id);
      }
    }
    return in;
  }

  /** Whether a unit of this path is within the query's unit (by its mode) and scope roots. */
  private static boolean matches(ObligationQuery q, UUID unitId, List<UUID> path, Set<UUID> roots) {
    if (roots != null && path.stream().noneMatch(roots::contains)) {
      return false;
    }
    UUID unit = q.unitId();
    if (unit == null) {
      return true;
    }
    OrgUnitMode mode = q.mode() == null ? OrgUnitMode.SELECTED : q.mode();
    return switch (mode) {
      case SELECTED -> unitId.equals(unit);
      case CHILDREN ->
          unitId.equals(unit) || (path.size() >= 2 && path.get(path.size() - 2).equals(unit));
      case DESCENDANTS -> path.contains(unit);
    };
  }

  /** The entries of the query's units, state, dates and cursor. */
  private List<Obligation> filter(
      ObligationQuery q, List<Obligation> all, boolean paged, Lookups lookups) {
    List<Obligation> kept =
        all.stream()
            .filter(o -> q.state() == null || o.state() == q.state())
            .filter(o -> q.dueFrom() == null || !o.dueDate().isBefore(q.dueFrom()))
            .filter(o -> q.dueTo() == null || !o.dueDate().isAfter(q.dueTo()))
            .filter(o -> !paged || q.isAfterCursor(o.key()))
            .toList();
    if (kept.isEmpty() || (q.unitId() == null && q.roots() == null)) {
      return kept;
    }
    Set<UUID> ids = new LinkedHashSet<>();
    kept.forEach(o -> ids.add(o.orgUnitId()));
    Map<UUID, List<UUID>> paths = lookups.pathsOn(ids, q.day());
    Set<UUID> roots = q.roots() == null ? null : Set.of(q.roots());
    return kept.stream()
        .filter(
            o ->
                matches(
                    q,
                    o.orgUnitId(),
                    paths.getOrDefault(o.orgUnitId(), List.of(o.orgUnitId())),
                    roots))
        .toList();
  }

  /** The regime's periods begun by {@code day}: its latest {@value #MAX_PERIODS} at most. */
  private static List<PeriodCode> begunBy(ReportingRegime regime, LocalDate day) {
    List<PeriodCode> out = new ArrayList<>();
    PeriodCode last = regime.last();
    PeriodCode c = regime.first();
    try {
      while (!c.start().isAfter(day) && (last == null || c.compareTo(last) <= 0)) {
        out.add(c);
        if (out.size() > MAX_PERIODS) {
          out.remove(0);
        }
        c = c.next();
      }
    } catch (IllegalArgumentException e) {
      // past the last year of codes, or the last ad-hoc number of a year
    }
    return out;
  }

  private static String key(UUID regime, String period, UUID unit) {
    return regime + ":" + period + ":" + unit;
  }

  /** The id of the expected report of a unit in a period of a regime. */
  static UUID idOf(UUID regime, String period, UUID unit) {
    return UUID.nameUUIDFromBytes(
        ("REPORT:" + key(regime, period, unit)).getBytes(StandardCharsets.UTF_8));
  }
}
