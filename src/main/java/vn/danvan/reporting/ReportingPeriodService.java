package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import vn.danvan.orgunit.LineageResponse;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.TreeRevision;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.time.BusinessCalendar;

/**
 * The periods of a regime, reckoned (never stored) from its rules over the business calendar as it
 * stands, and the units expected to report in each, resolved on the tree of the period's first day:
 *
 * <ul>
 *   <li>a regime has the periods from its first to its last (open-ended: without end) that start
 *       while its collecting unit exists: a regime collected by a district abolished on 1/7/2025
 *       has no period starting on or after that day;
 *   <li>the units of a kind below a unit are those of that day's tree;
 *   <li>a listed unit that closed before that day is replaced by its successors in the lineage
 *       whose restructuring took effect by then (recursively: a successor closed in turn passes on
 *       again); a listed unit not yet created on that day is left out.
 * </ul>
 *
 * <p>Outside a transaction a period's expected units are kept per regime version and tree revision
 * ({@link ReportingPeriodCache}): a reader of the same revision reads the revision only.
 */
@ApplicationScoped
public class ReportingPeriodService {

  /** At most this many periods in one answer. */
  static final int MAX_PERIODS = 60;

  /** The periods listed when {@code to} is not given: a year of monthly periods. */
  static final int DEFAULT_PERIODS = 12;

  private static final int MAX_LINEAGE_DEPTH = 10;

  @Inject ReportingRegimeService regimes;
  @Inject OrgUnitService units;
  @Inject BusinessCalendar calendar;
  @Inject ReportingPeriodCache cache;
  @Inject TransactionManager transactions;

  /**
   * The regime's periods between two codes (both included) that it has, with the number of units
   * expected in each. {@code from} defaults to the first period, {@code to} to the {@value
   * #DEFAULT_PERIODS}th period from {@code from} or the regime's last; at most {@value
   * #MAX_PERIODS} periods may be asked for.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ReportingPeriodResponse> periods(UUID regimeId, String from, String to) {
    ReportingRegime r = regimes.requireVisible(regimeId);
    PeriodCode first = r.first();
    PeriodCode last = r.last();
    PeriodCode start = from == null ? first : PeriodCode.parse(from, r.frequency, "/query/from");
    PeriodCode end;
    if (to != null) {
      end = PeriodCode.parse(to, r.frequency, "/query/to");
    } else {
      end = start;
      for (int i = 1; i < DEFAULT_PERIODS && end.year() < PeriodCode.MAX_YEAR; i++) {
        end = end.next();
      }
      if (last != null && end.compareTo(last) > 0) {
        end = last.compareTo(start) < 0 ? start : last;
      }
    }
    if (end.compareTo(start) < 0) {
      throw ApiException.invalid("/query/to", "field.RANGE_REVERSED");
    }
    List<PeriodCode> codes = PeriodCode.between(start, end);
    if (codes.size() > MAX_PERIODS) {
      throw ApiException.invalid("/query/to", "field.PERIOD_COUNT", MAX_PERIODS);
    }
    Resolver resolver = new Resolver(r, revision());
    List<ReportingPeriodResponse> items = new ArrayList<>();
    for (PeriodCode code : codes) {
      resolver.periodOf(code).ifPresent(p -> items.add(p.withoutUnits()));
    }
    return items;
  }

  /**
   * One period of the regime with its expected units; 400 at {@code /path/code} for a code that is
   * not one of the regime's frequency, 404 for a period the regime does not have.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportingPeriodResponse period(UUID regimeId, String code) {
    ReportingRegime r = regimes.requireVisible(regimeId);
    PeriodCode c = PeriodCode.parse(code, r.frequency, "/path/code");
    return new Resolver(r, revision())
        .periodOf(c)
        .orElseThrow(() -> ApiException.notFound("entity.REPORTING_PERIOD"));
  }

  /**
   * The period {@code code} of {@code regime} with its expected units, without the scope check of
   * the collecting unit (the caller has already decided the regime is its business); empty when the
   * regime does not have the period.
   */
  Optional<ReportingPeriodResponse> periodOf(ReportingRegime regime, PeriodCode code) {
    return new Resolver(regime, revision()).periodOf(code);
  }

  /**
   * The periods of {@code regime} for a caller that reads several of them (the agenda): its
   * schedule and the lookups of its collecting unit and lineage are held for all; the expected
   * units kept for {@code revision} are used.
   */
  Resolver resolver(ReportingRegime regime, Revision revision) {
    return new Resolver(regime, revision);
  }

  /**
   * The tree's revision for one answer, read when first needed (an answer that resolves no period
   * does not read it): the periods kept for it ({@link ReportingPeriodCache}) may be used. None
   * inside a transaction (it may see, or hold unflushed, changes no other reader sees).
   */
  static final class Revision {
    private final Supplier<TreeRevision> reader;
    private boolean read;
    private TreeRevision revision;

    private Revision(Supplier<TreeRevision> reader) {
      this.reader = reader;
    }

    /** The tree's revision; null inside a transaction. */
    TreeRevision get() {
      if (!read) {
        revision = reader.get();
        read = true;
      }
      return revision;
    }
  }

  /** The tree's revision for one answer ({@link Revision}), not read yet. */
  Revision revision() {
    return new Revision(() -> outsideTransaction() ? units.treeRevision() : null);
  }

  private boolean outsideTransaction() {
    try {
      return transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
    } catch (SystemException e) {
      return false;
    }
  }

  /**
   * One period of {@code regime} (already checked visible) with its expected units, for the
   * consolidation and completeness of its reports: a code that is not one of the regime's frequency
   * or a period the regime does not have is a 400 at {@code pointer}.
   */
  ReportingPeriodResponse period(ReportingRegime regime, String code, String pointer) {
    PeriodCode c = PeriodCode.parse(code, regime.frequency, pointer);
    return new Resolver(regime, revision())
        .periodOf(c)
        .orElseThrow(() -> ApiException.invalid(pointer, "field.PERIOD_NOT_IN_REGIME"));
  }

  /**
   * The periods of one regime, its calendar, collecting unit and lineage lookups held for one
   * answer. A period reads the units it lists (and the collecting unit) in one query, unless its
   * expected units are kept for the tree's revision.
   */
  final class Resolver {
    private final ReportingRegime regime;
    private final Revision revision;
    private final PeriodSchedule schedule;
    private boolean collectingKnown;
    private LocalDate collectingUntil;
    private final Map<UUID, List<LineageResponse.Edge>> successors = new HashMap<>();

    /** The units read at once for the period being resolved: absent ones map to null. */
    private final Map<OrgUnitService.UnitDay, OrgUnitResponse> read = new HashMap<>();

    Resolver(ReportingRegime regime, Revision revision) {
      this.regime = regime;
      this.revision = revision;
      this.schedule = regime.schedule(calendar.snapshot());
    }

    /** The regime's schedule on the calendar as it stands. */
    PeriodSchedule schedule() {
      return schedule;
    }

    /** The last day of the collecting unit (null while it exists or when it never did). */
    private LocalDate collectingUntil() {
      if (!collectingKnown) {
        collectingUntil =
            find(regime.collectingUnitId, regime.startsOn)
                .map(OrgUnitResponse::validTo)
                .orElse(null);
        collectingKnown = true;
      }
      return collectingUntil;
    }

    /** The unit as {@link OrgUnitService#find} answers it: from the units read, else read now. */
    private Optional<OrgUnitResponse> find(UUID unit, LocalDate day) {
      OrgUnitService.UnitDay key = new OrgUnitService.UnitDay(unit, day);
      if (read.containsKey(key)) {
        return Optional.ofNullable(read.get(key));
      }
      return units.find(unit, day);
    }

    /** Reads at once the collecting unit and the listed units on {@code day}. */
    private void readUnits(LocalDate day) {
      List<OrgUnitService.UnitDay> keys = new ArrayList<>();
      if (!collectingKnown) {
        keys.add(new OrgUnitService.UnitDay(regime.collectingUnitId, regime.startsOn));
      }
      keys.add(new OrgUnitService.UnitDay(regime.collectingUnitId, day));
      for (UUID u : regime.reportingUnitIds) {
        keys.add(new OrgUnitService.UnitDay(u, day));
      }
      Map<OrgUnitService.UnitDay, OrgUnitResponse> found = units.findAll(keys);
      read.clear();
      keys.forEach(k -> read.put(k, found.get(k)));
    }

    /** The period with its expected units; empty when the regime does not have it. */
    Optional<ReportingPeriodResponse> periodOf(PeriodCode code) {
      ReportingPeriodCache.Units u = units(code);
      return u.has() ? Optional.of(response(code, u)) : Optional.empty();
    }

    /**
     * Whether the regime has the period and its expected units: kept for the tree's revision and
     * the regime's version, else resolved from the tree.
     */
    ReportingPeriodCache.Units units(PeriodCode code) {
      if (!inSpan(code)) {
        return new ReportingPeriodCache.Units(false, null, List.of());
      }
      TreeRevision tree = revision.get();
      if (tree == null) {
        return resolve(code);
      }
      return cache.get(
          new ReportingPeriodCache.Key(regime.id, regime.version, code.code()),
          tree,
          () -> resolve(code));
    }

    private ReportingPeriodCache.Units resolve(PeriodCode code) {
      readUnits(code.start());
      if (!has(code)) {
        return new ReportingPeriodCache.Units(false, null, List.of());
      }
      ReportingPeriodResponse p = period(code);
      return new ReportingPeriodCache.Units(true, p.collectingUnitName(), p.expectedUnits());
    }

    /** The period of the schedule as it stands with its resolved units. */
    private ReportingPeriodResponse response(PeriodCode code, ReportingPeriodCache.Units u) {
      ReportingPeriod p = schedule.period(code);
      return new ReportingPeriodResponse(
          regime.id,
          code.code(),
          regime.frequency,
          code.start(),
          code.end(),
          p.window().from(),
          p.window().to(),
          p.dueDates(),
          p.lockDate(),
          regime.collectingUnitId,
          u.collectingUnitName(),
          u.expected().size(),
          u.expected());
    }

    /** Whether the code lies between the regime's first and last periods. */
    private boolean inSpan(PeriodCode code) {
      PeriodCode last = regime.last();
      return code.compareTo(regime.first()) >= 0 && (last == null || code.compareTo(last) <= 0);
    }

    /** Whether the regime has the period: within its span, while its collecting unit exists. */
    private boolean has(PeriodCode code) {
      LocalDate until;
      return inSpan(code) && ((until = collectingUntil()) == null || !code.start().isAfter(until));
    }

    private ReportingPeriodResponse period(PeriodCode code) {
      ReportingPeriod p = schedule.period(code);
      LocalDate day = code.start();
      Map<UUID, String> names = new HashMap<>();
      Map<UUID, UUID> expected = expected(day, names);
      List<UUID> ids = new ArrayList<>();
      expected.keySet().stream().filter(u -> !names.containsKey(u)).forEach(ids::add);
      ids.add(regime.collectingUnitId);
      // the units read with the period carry their names of the day (the rule of namesOn)
      List<UUID> unnamed = new ArrayList<>();
      for (UUID id : ids) {
        OrgUnitService.UnitDay key = new OrgUnitService.UnitDay(id, day);
        if (read.containsKey(key)) {
          OrgUnitResponse u = read.get(key);
          if (u != null) {
            names.put(id, u.name());
          }
        } else {
          unnamed.add(id);
        }
      }
      if (!unnamed.isEmpty()) {
        names.putAll(units.namesOn(unnamed, day));
      }
      List<ReportingPeriodResponse.ExpectedUnit> list = new ArrayList<>();
      expected.forEach(
          (unit, from) ->
              list.add(new ReportingPeriodResponse.ExpectedUnit(unit, names.get(unit), from)));
      return new ReportingPeriodResponse(
          regime.id,
          code.code(),
          regime.frequency,
          day,
          code.end(),
          p.window().from(),
          p.window().to(),
          p.dueDates(),
          p.lockDate(),
          regime.collectingUnitId,
          names.get(regime.collectingUnitId),
          list.size(),
          List.copyOf(list));
    }

    /**
     * The units expected on {@code day}, each with the listed unit it stands for (null when it is
     * expected itself): the units of the kind first, in id order, then the listed ones in order.
     * The names of the units of the kind, read with them, go into {@code names}.
     */
    private Map<UUID, UUID> expected(LocalDate day, Map<UUID, String> names) {
      Map<UUID, UUID> expected = new LinkedHashMap<>();
      Map<UUID, String> ofKind =
          switch (regime.reportingTargets) {
            case UNITS -> Map.of();
            case CHILD_UNITS_OF_KIND ->
                units.childNamesOfKind(regime.reportingRoot(), regime.reportingKind, day);
            case DESCENDANT_UNITS_OF_KIND ->
                units.descendantNamesOfKind(regime.reportingRoot(), regime.reportingKind, day);
          };
      ofKind.forEach(
          (u, name) -> {
            expected.put(u, null);
            names.put(u, name);
          });
      for (UUID listed : regime.reportingUnitIds) {
        for (UUID unit : resolve(listed, day, 0)) {
          expected.putIfAbsent(unit, unit.equals(listed) ? null : listed);
        }
      }
      return expected;
    }

    /** The unit itself when it exists on {@code day}, else its successors by then. */
    private List<UUID> resolve(UUID unit, LocalDate day, int depth) {
      Optional<OrgUnitResponse> u = find(unit, day);
      if (u.isEmpty()) {
        return List.of();
      }
      if (u.get().active()) {
        return List.of(unit);
      }
      boolean closedBefore = u.get().validTo() != null && u.get().validTo().isBefore(day);
      if (!closedBefore || depth >= MAX_LINEAGE_DEPTH) {
        return List.of();
      }
      List<UUID> resolved = new ArrayList<>();
      for (LineageResponse.Edge e : successors.computeIfAbsent(unit, units::successors)) {
        if (!e.effectiveDate().isAfter(day)) {
          for (UUID s : resolve(e.unitId(), day, depth + 1)) {
            if (!resolved.contains(s)) {
              resolved.add(s);
            }
          }
        }
      }
      return resolved;
    }
  }
}
