package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.TreeRevision;
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
 * period and unit. Queries: the regimes; when a period is resolved, the tree's revision; for each
 * period resolved the submissions of the units the query selects (none when it selects none). The
 * periods' expected units (as the completeness resolves them) and their paths on the query's day
 * are kept per regime version, period, day and tree revision ({@link ReportAgendaCache}, {@link
 * ReportingPeriodCache}): resolved from the tree (the units of the kind, the listed and collecting
 * units, the units' paths) only when another instance or request has not done so on the same tree.
 */
@ApplicationScoped
class ReportObligationSource implements ObligationSource {

  static final int MAX_PERIODS = ReportingPeriodService.MAX_PERIODS;
  private static final Set<ObligationKind> KINDS = Set.of(ObligationKind.REPORT);

  @Inject ReportAgendaRepository repo;
  @Inject ReportingPeriodService periods;
  @Inject OrgUnitService units;
  @Inject ReportAgendaCache cache;

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
    return expected(query, true, new Lookups(query.day(), periods.revision())).stream()
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
    Lookups lookups = new Lookups(query.day(), periods.revision());
    List<Obligation> all = expected(query, false, lookups);
    Map<List<Object>, Long> sums = new HashMap<>();
    for (Obligation o : all) {
      Object key =
          switch (groupBy) {
            case KIND -> "";
            case MONTH -> YearMonth.from(o.dueDate());
            case CHILD_UNIT -> {
              List<UUID> path = lookups.paths.get(o.orgUnitId());
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

  /**
   * A period of a regime to resolve, with its first due date (the due date of a unit without a
   * submission) and the earliest and latest due date of its levels.
   */
  private record Wanted(
      ReportingRegime regime,
      ReportingPeriodService.Resolver periods,
      PeriodCode code,
      LocalDate firstDue,
      LocalDate min,
      LocalDate max) {}

  /**
   * What one answer reads once: the tree's revision (when it resolves a period), the periods'
   * expected units with their paths on the query's day (kept for the revision in {@link
   * ReportAgendaCache}, else read and shared by the periods it resolves: the same units report
   * period after period).
   */
  private final class Lookups {
    private final LocalDate day;
    private final ReportingPeriodService.Revision revision;

    /** The path on the day of every unit of the periods read (the unit alone without one). */
    private final Map<UUID, List<UUID>> paths = new HashMap<>();

    /** One instance per id among the paths read here: the ancestors are shared. */
    private final Map<UUID, UUID> ids = new HashMap<>();

    Lookups(LocalDate day, ReportingPeriodService.Revision revision) {
      this.day = day;
      this.revision = revision;
    }

    /** The period's expected units and their paths. */
    ReportAgendaCache.Period period(Wanted w) {
      TreeRevision tree = revision.get();
      ReportAgendaCache.Period p =
          tree == null
              ? read(w)
              : cache.get(
                  new ReportAgendaCache.Key(
                      w.regime().id, w.regime().version, w.code().code(), day),
                  tree,
                  () -> read(w));
      for (int i = 0; i < p.units().size(); i++) {
        paths.putIfAbsent(p.units().get(i), p.paths().get(i));
      }
      return p;
    }

    private ReportAgendaCache.Period read(Wanted w) {
      ReportingPeriodCache.Units expected = w.periods().units(w.code());
      if (!expected.has()) {
        return ReportAgendaCache.Period.NONE;
      }
      List<UUID> units = new ArrayList<>(expected.expected().size());
      expected.expected().forEach(e -> units.add(e.unitId()));
      List<UUID> missing = units.stream().filter(id -> !paths.containsKey(id)).toList();
      if (!missing.isEmpty()) {
        Map<UUID, List<UUID>> found = ReportObligationSource.this.units.pathsOn(missing, day);
        for (UUID id : missing) {
          List<UUID> path = found.getOrDefault(id, List.of(id));
          paths.put(id, path.stream().map(u -> ids.computeIfAbsent(u, x -> x)).toList());
        }
      }
      return new ReportAgendaCache.Period(units, units.stream().map(paths::get).toList());
    }
  }

  /**
   * Every expected report matching the query (after its cursor when {@code paged}). A page resolves
   * the periods in its order and stops once it holds {@code limit} entries that come before every
   * due date of the next period; periods that cannot hold the wanted state (all due dates on or
   * after the day for {@code OVERDUE}, all before it for {@code IN_PROGRESS_IN_TERM}) are skipped.
   */
  private List<Obligation> expected(ObligationQuery q, boolean paged, Lookups lookups) {
    LocalDate day = q.day();
    List<Wanted> wanted = new ArrayList<>();
    for (ReportingRegime regime : repo.active()) {
      ReportingPeriodService.Resolver resolver = periods.resolver(regime, lookups.revision);
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
          wanted.add(new Wanted(regime, resolver, code, first, min, max));
        }
      }
    }
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

  /**
   * The expected reports of {@code wanted} that match the query: the units of the query's unit (and
   * mode) and scope are chosen on the periods' units before any entry is built (a province's page
   * over a regime of every commune of the country builds its own communes' entries only), then one
   * query reads their submissions (none when no unit is chosen).
   */
  private List<Obligation> resolve(
      ObligationQuery q, List<Wanted> wanted, boolean paged, Lookups lookups) {
    LocalDate day = q.day();
    boolean everyUnit = q.unitId() == null && q.roots() == null;
    Set<UUID> roots = q.roots() == null ? null : Set.of(q.roots());
    List<Wanted> read = new ArrayList<>();
    List<List<UUID>> chosen = new ArrayList<>();
    Set<UUID> chosenUnits = new LinkedHashSet<>();
    for (Wanted w : wanted) {
      ReportAgendaCache.Period p = lookups.period(w);
      List<UUID> in = new ArrayList<>();
      if (everyUnit) {
        in.addAll(p.units());
      } else {
        // only the units below the query's unit, or below the caller's scope roots
        BitSet candidates;
        if (q.unitId() != null) {
          candidates = p.at(q.unitId());
        } else {
          candidates = new BitSet(p.units().size());
          for (UUID root : roots) {
            candidates.or(p.at(root));
          }
        }
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
          UUID unit = p.units().get(i);
          if (matches(q, unit, p.paths().get(i), roots)) {
            in.add(unit);
          }
        }
      }
      if (!in.isEmpty()) {
        read.add(w);
        chosen.add(in);
        chosenUnits.addAll(in);
      }
    }
    if (read.isEmpty()) {
      return List.of();
    }
    Map<String, ReportAgendaRepository.Submission> submitted = new HashMap<>();
    for (ReportAgendaRepository.Submission s :
        repo.submissions(
            read.stream().map(w -> w.regime().id).toList(),
            read.stream().map(w -> w.code().code()).toList(),
            everyUnit ? null : chosenUnits)) {
      submitted.put(key(s.regimeId(), s.period(), s.unitId()), s);
    }
    List<Obligation> all = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      Wanted w = read.get(i);
      UUID regimeId = w.regime().id;
      String code = w.code().code();
      for (UUID unit : chosen.get(i)) {
        ReportAgendaRepository.Submission s = submitted.get(key(regimeId, code, unit));
        LocalDate due = s != null && s.due() != null ? s.due() : w.firstDue();
        boolean sent =
            s != null && ("SUBMITTED".equals(s.status()) || "ACCEPTED".equals(s.status()));
        LocalDate done =
            sent && s.firstSubmittedAt() != null
                ? s.firstSubmittedAt().atZone(BusinessTime.ZONE).toLocalDate()
                : null;
        all.add(
            new Obligation(
                ObligationKind.REPORT,
                idOf(regimeId, code, unit),
                unit,
                due,
                ObligationState.of(due, done, day),
                done != null && !done.isAfter(day) ? done : null,
                w.regime().name + " – kỳ " + code,
                s != null
                    ? "/api/v1/report-submissions/" + s.id()
                    : "/api/v1/report-completeness?regimeId=" + regimeId + "&period=" + code));
      }
    }
    return all.stream()
        .filter(o -> q.state() == null || o.state() == q.state())
        .filter(o -> q.dueFrom() == null || !o.dueDate().isBefore(q.dueFrom()))
        .filter(o -> q.dueTo() == null || !o.dueDate().isAfter(q.dueTo()))
        .filter(o -> !paged || q.isAfterCursor(o.key()))
        .toList();
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
