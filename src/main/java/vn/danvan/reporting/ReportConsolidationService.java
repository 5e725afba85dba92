package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.security.UnitScope;

/**
 * Consolidations (issue 11 §6): a collecting unit's consolidated report of one period of a regime,
 * each request a new immutable version aggregating, indicator by indicator ({@link Consolidator}),
 * the latest accepted version of each expected unit's submission (or also the latest submitted one
 * not returned). A version is stale when the versions it would read today differ from those it
 * read; reckoned on read from one query over the period's submissions.
 *
 * <p>Who: the collecting unit's managers and officers, and admins, in scope, compute; every role
 * whose scope holds the collecting unit reads (others: 404).
 */
@ApplicationScoped
public class ReportConsolidationService {

  public static final String ENTITY = "REPORT_CONSOLIDATION";
  static final String ENTITY_LABEL = "entity.REPORT_CONSOLIDATION";
  private static final Logger LOG = Logger.getLogger(ReportConsolidationService.class);

  @Inject ReportConsolidationRepository repo;
  @Inject ReportingRegimeRepository regimes;
  @Inject ReportTemplateRepository templates;
  @Inject ReportingPeriodService periods;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  // ------------------------------------------------------------------ writes

  /**
   * Computes and stores a new consolidation version; the answer is its summary (values, counts,
   * missing, late and returned units), the inputs' values being on {@link #get}.
   */
  @Transactional
  public ReportConsolidationResponse create(ConsolidationRequest req) {
    if (!user.isAdmin() && !user.hasRole(Roles.UNIT_MANAGER) && !user.hasRole(Roles.OFFICER)) {
      throw ApiException.forbidden();
    }
    ReportingRegime regime = regimes.find(req.regimeId());
    if (regime == null) {
      throw unknownRegime("/regimeId");
    }
    UUID collecting = req.orgUnitId() != null ? req.orgUnitId() : regime.collectingUnitId;
    boolean own = collecting.equals(regime.collectingUnitId);
    if (!scope.contains(collecting)) {
      throw own ? unknownRegime("/regimeId") : ApiException.unknownUnit("/orgUnitId");
    }
    ReportingPeriodResponse period = periods.period(regime, req.period(), "/period");
    LocalDate day = period.startDate();
    Optional<OrgUnitResponse> unit = units.find(collecting, day).filter(OrgUnitResponse::active);
    if (unit.isEmpty()) {
      throw ApiException.unknownUnit("/orgUnitId");
    }
    List<ReportingPeriodResponse.ExpectedUnit> expected = period.expectedUnits();
    if (!own) {
      Map<UUID, List<UUID>> paths =
          units.pathsOn(
              expected.stream().map(ReportingPeriodResponse.ExpectedUnit::unitId).toList(), day);
      expected =
          expected.stream()
              .filter(
                  e -> {
                    List<UUID> path = paths.getOrDefault(e.unitId(), List.of());
                    return path.contains(collecting) && !e.unitId().equals(collecting);
                  })
              .toList();
      if (expected.isEmpty()) {
        if (!scope.contains(regime.collectingUnitId)) {
          throw unknownRegime("/regimeId");
        }
        throw ApiException.invalid("/orgUnitId", "field.NO_REPORTING_UNITS");
      }
    }
    boolean includeSubmitted = Boolean.TRUE.equals(req.includeSubmitted());
    Map<UUID, SubmissionState> states = statesByUnit(regime.id, period.code());
    List<ConsolidationRow.Unit> rows = new ArrayList<>(expected.size());
    for (ReportingPeriodResponse.ExpectedUnit e : expected) {
      SubmissionState s = states.get(e.unitId());
      rows.add(
          new ConsolidationRow.Unit(
              e.unitId(),
              e.name(),
              e.transferredFromUnitId(),
              s == null ? null : s.submissionId(),
              s == null ? null : s.status(),
              s == null ? null : s.late(),
              s == null ? null : s.inputNumber(includeSubmitted),
              s == null ? null : s.inputDecision(includeSubmitted)));
    }
    Map<ReportConsolidationRepository.VersionRef, Map<String, JsonNode>> values =
        repo.values(refs(rows));
    List<Consolidator.Input> inputs = new ArrayList<>();
    for (ConsolidationRow.Unit u : rows) {
      if (u.fed()) {
        inputs.add(
            new Consolidator.Input(
                u.unitId(),
                values.getOrDefault(
                    new ReportConsolidationRepository.VersionRef(
                        u.submissionId(), u.versionNumber()),
                    Map.of())));
      }
    }
    List<TemplateIndicator> indicators = indicators(regime.templateId, regime.templateNumber);
    List<ConsolidationRow.Indicator> consolidated = Consolidator.consolidate(indicators, inputs);
    UUID id = UUID.randomUUID();
    Instant now = Instant.now(clock);
    int number =
        repo.insert(
            id,
            regime.id,
            period.code(),
            collecting,
            unit.get().path().toArray(UUID[]::new),
            regime.templateId,
            regime.templateNumber,
            includeSubmitted,
            rows,
            consolidated,
            now,
            user.username());
    ConsolidationRow row =
        new ConsolidationRow(
            id,
            regime.id,
            period.code(),
            collecting,
            unit.get().path().toArray(UUID[]::new),
            number,
            regime.templateId,
            regime.templateNumber,
            includeSubmitted,
            rows,
            consolidated,
            now,
            user.username());
    ReportConsolidationResponse answer =
        response(row, indicators, states, unit.get().name(), true, null);
    audit.created(ENTITY, id, collecting, 0, AuditView.of(answer));
    LOG.infof(
        "Report consolidation %s: regime %s, %s, unit %s, version %d over %d of %d units",
        id, regime.id, period.code(), collecting, number, inputs.size(), rows.size());
    return answer;
  }

  /**
   * The audited view of a new version: what it is, its counts and values, each indicator with the
   * number of units missing it rather than their ids (the unit lists stay on the version itself:
   * over the whole country they would make the audit event megabytes long).
   */
  record AuditView(
      UUID id,
      UUID regimeId,
      String period,
      UUID collectingUnitId,
      int number,
      UUID templateId,
      int templateVersion,
      boolean includeSubmitted,
      Instant computedAt,
      String computedBy,
      int expectedUnitCount,
      int inputCount,
      int missingUnitCount,
      int lateUnitCount,
      int returnedUnitCount,
      List<AuditIndicator> indicators) {

    static AuditView of(ReportConsolidationResponse r) {
      return new AuditView(
          r.id(),
          r.regimeId(),
          r.period(),
          r.collectingUnitId(),
          r.number(),
          r.templateId(),
          r.templateVersion(),
          r.includeSubmitted(),
          r.computedAt(),
          r.computedBy(),
          r.expectedUnitCount(),
          r.inputCount(),
          r.missingUnitCount(),
          r.lateUnitCount(),
          r.returnedUnitCount(),
          r.indicators().stream()
              .map(
                  i ->
                      new AuditIndicator(
                          i.code(), i.value(), i.valueCount(), i.missingUnitIds().size()))
              .toList());
    }
  }

  /** One indicator of {@link AuditView}. */
  record AuditIndicator(String code, JsonNode value, int valueCount, int missingUnitCount) {}

  // ------------------------------------------------------------------ reads

  /** One consolidation version, with its inputs' values and whether it is stale. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportConsolidationResponse get(UUID id) {
    ConsolidationRow row = repo.find(id);
    if (row == null || !scope.contains(row.collectingUnitId())) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return response(
        row,
        indicators(row.templateId(), row.templateNumber()),
        statesByUnit(row.regimeId(), row.period()),
        collectingName(row),
        true,
        repo.values(refs(row.units())));
  }

  /**
   * The consolidations among {@code ids} the caller may read, each as {@link #get} answers it: the
   * rows, their inputs' values and each unit's name read once for all, the template and the
   * submissions' states once per template version and per period.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, ReportConsolidationResponse> readable(Collection<UUID> ids) {
    List<ConsolidationRow> rows =
        repo.findAll(new LinkedHashSet<>(ids)).stream()
            .filter(r -> scope.contains(r.collectingUnitId()))
            .toList();
    if (rows.isEmpty()) {
      return Map.of();
    }
    List<ReportConsolidationRepository.VersionRef> refs = new ArrayList<>();
    Map<LocalDate, List<UUID>> unitsByDay = new HashMap<>();
    for (ConsolidationRow r : rows) {
      refs.addAll(refs(r.units()));
      PeriodCode.tryParse(r.period())
          .ifPresent(
              c ->
                  unitsByDay
                      .computeIfAbsent(c.start(), d -> new ArrayList<>())
                      .add(r.collectingUnitId()));
    }
    Map<ReportConsolidationRepository.VersionRef, Map<String, JsonNode>> values = repo.values(refs);
    Map<LocalDate, Map<UUID, String>> names = new HashMap<>();
    unitsByDay.forEach((day, units) -> names.put(day, this.units.namesOn(units, day)));
    Map<String, List<TemplateIndicator>> indicators = new HashMap<>();
    Map<String, Map<UUID, SubmissionState>> states = new HashMap<>();
    Map<UUID, ReportConsolidationResponse> out = new LinkedHashMap<>();
    for (ConsolidationRow r : rows) {
      String name =
          PeriodCode.tryParse(r.period())
              .map(c -> names.getOrDefault(c.start(), Map.of()).get(r.collectingUnitId()))
              .orElse(null);
      out.put(
          r.id(),
          response(
              r,
              indicators.computeIfAbsent(
                  r.templateId() + ":" + r.templateNumber(),
                  k -> indicators(r.templateId(), r.templateNumber())),
              states.computeIfAbsent(
                  r.regimeId() + ":" + r.period(), k -> statesByUnit(r.regimeId(), r.period())),
              name,
              true,
              values));
    }
    return out;
  }

  /**
   * The versions of the consolidation of a period by a collecting unit (default: the regime's),
   * newest first: the first item is the latest. Items leave out inputs and unit lists.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ReportConsolidationResponse> list(
      UUID regimeId, String period, UUID orgUnitId, PageRequest page) {
    if (regimeId == null) {
      throw ApiException.invalid("/query/regimeId", "field.REQUIRED");
    }
    if (period == null || period.isBlank()) {
      throw ApiException.invalid("/query/period", "field.REQUIRED");
    }
    ReportingRegime regime = regimes.find(regimeId);
    if (regime == null) {
      throw unknownRegime("/query/regimeId");
    }
    UUID collecting = orgUnitId != null ? orgUnitId : regime.collectingUnitId;
    if (!scope.contains(collecting)) {
      throw orgUnitId == null || orgUnitId.equals(regime.collectingUnitId)
          ? unknownRegime("/query/regimeId")
          : ApiException.unknownUnit("/query/orgUnitId");
    }
    String code = PeriodCode.parse(period, regime.frequency, "/query/period").code();
    ConsolidationQuery query = new ConsolidationQuery(regimeId, code, collecting);
    String tag = Cursor.tag("report-consolidations", query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.INT);
    List<ConsolidationRow> rows =
        repo.page(query, keys == null ? null : keys.intValue(0), page.fetchSize());
    if (rows.isEmpty()) {
      return new Page<>(List.of(), null);
    }
    Map<UUID, SubmissionState> states = statesByUnit(regimeId, code);
    List<TemplateIndicator> indicators = indicators(regime.templateId, regime.templateNumber);
    String name = collectingName(rows.get(0));
    return Page.of(
        rows,
        page.limit(),
        r -> response(r, indicators, states, name, false, null),
        r -> Cursor.encode(tag, r.number()));
  }

  /**
   * For the figures of a unit's own report: the latest consolidation of {@code period} (by
   * computation time) collected by {@code unitId} or one of its departments (Phòng Nội vụ collects
   * for UBND quận), on the template of {@code regimeId} when given; its values by indicator code.
   * No scope check: the caller decides who sees the figures.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ConsolidatedValues> latestValues(UUID regimeId, String period, UUID unitId) {
    Optional<PeriodCode> code = PeriodCode.tryParse(period);
    if (code.isEmpty() || unitId == null) {
      return Optional.empty();
    }
    UUID template = null;
    if (regimeId != null) {
      ReportingRegime regime = regimes.find(regimeId);
      if (regime == null) {
        return Optional.empty();
      }
      template = regime.templateId;
    }
    List<UUID> collecting = new ArrayList<>();
    collecting.add(unitId);
    collecting.addAll(units.childIdsOfKind(unitId, OrgUnitKind.DEPARTMENT, code.get().start()));
    ConsolidationRow row = repo.latest(code.get().code(), collecting, template);
    if (row == null) {
      return Optional.empty();
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (ConsolidationRow.Indicator i : row.indicators()) {
      if (i.value() != null && !i.value().isNull()) {
        values.put(i.code(), i.value());
      }
    }
    return Optional.of(
        new ConsolidatedValues(
            row.id(),
            row.regimeId(),
            row.period(),
            row.collectingUnitId(),
            row.number(),
            row.computedAt(),
            Map.copyOf(values)));
  }

  // ------------------------------------------------------------------ answers

  /**
   * The answer for a version: its values and counts; with {@code unitLists} the missing, late and
   * returned units; with {@code values} (the inputs' values) its provenance, each input.
   */
  private ReportConsolidationResponse response(
      ConsolidationRow row,
      List<TemplateIndicator> indicators,
      Map<UUID, SubmissionState> states,
      String collectingName,
      boolean unitLists,
      Map<ReportConsolidationRepository.VersionRef, Map<String, JsonNode>> values) {
    Map<String, TemplateIndicator> byCode = new HashMap<>();
    indicators.forEach(i -> byCode.put(i.code(), i));
    List<ReportConsolidationResponse.Indicator> out = new ArrayList<>();
    for (ConsolidationRow.Indicator i : row.indicators()) {
      TemplateIndicator t = byCode.get(i.code());
      out.add(
          new ReportConsolidationResponse.Indicator(
              i.code(),
              t == null ? null : t.labelVi(),
              t == null ? null : t.labelEn(),
              t == null ? null : t.measurementUnit(),
              t == null ? null : t.type(),
              t == null ? null : t.aggregation(),
              t == null ? null : t.weightCode(),
              i.value() == null || i.value().isNull() ? null : i.value(),
              i.valueCount(),
              i.missingUnitIds()));
    }
    List<ReportConsolidationResponse.StaleReason> reasons = staleReasons(row, states);
    int missing = 0;
    int late = 0;
    int returned = 0;
    for (ConsolidationRow.Unit u : row.units()) {
      missing += u.fed() ? 0 : 1;
      late += Boolean.TRUE.equals(u.late()) ? 1 : 0;
      returned += "RETURNED".equals(u.status()) ? 1 : 0;
    }
    List<ReportConsolidationResponse.Input> inputs = null;
    List<ReportConsolidationResponse.UnitRef> missingUnits = null;
    List<ReportConsolidationResponse.UnitRef> lateUnits = null;
    List<ReportConsolidationResponse.UnitRef> returnedUnits = null;
    if (values != null) {
      inputs = new ArrayList<>();
    }
    if (unitLists) {
      missingUnits = new ArrayList<>();
      lateUnits = new ArrayList<>();
      returnedUnits = new ArrayList<>();
      for (ConsolidationRow.Unit u : row.units()) {
        if (u.fed()) {
          if (inputs != null) {
            inputs.add(
                new ReportConsolidationResponse.Input(
                    u.unitId(),
                    u.name(),
                    u.submissionId(),
                    u.versionNumber(),
                    u.decision(),
                    u.late(),
                    values.getOrDefault(
                        new ReportConsolidationRepository.VersionRef(
                            u.submissionId(), u.versionNumber()),
                        Map.of())));
          }
        } else {
          missingUnits.add(ref(u));
        }
        if (Boolean.TRUE.equals(u.late())) {
          lateUnits.add(ref(u));
        }
        if ("RETURNED".equals(u.status())) {
          returnedUnits.add(ref(u));
        }
      }
    }
    return new ReportConsolidationResponse(
        row.id(),
        row.regimeId(),
        row.period(),
        row.collectingUnitId(),
        collectingName,
        row.number(),
        row.templateId(),
        row.templateNumber(),
        row.includeSubmitted(),
        row.computedAt(),
        row.computedBy(),
        !reasons.isEmpty(),
        reasons,
        row.units().size(),
        row.units().size() - missing,
        missing,
        late,
        returned,
        out,
        inputs,
        missingUnits,
        lateUnits,
        returnedUnits);
  }

  private static ReportConsolidationResponse.UnitRef ref(ConsolidationRow.Unit u) {
    return new ReportConsolidationResponse.UnitRef(
        u.unitId(), u.name(), u.transferredFromUnitId(), u.submissionId(), u.status(), u.late());
  }

  /**
   * What changed for each unit between the versions the consolidation read and those it would read
   * now: a version read now but not then, another version, another decision, or none any more.
   */
  static List<ReportConsolidationResponse.StaleReason> staleReasons(
      ConsolidationRow row, Map<UUID, SubmissionState> states) {
    List<ReportConsolidationResponse.StaleReason> reasons = new ArrayList<>();
    boolean submitted = row.includeSubmitted();
    for (ConsolidationRow.Unit u : row.units()) {
      SubmissionState s = states.get(u.unitId());
      Integer now = s == null ? null : s.inputNumber(submitted);
      String decision = s == null ? null : s.inputDecision(submitted);
      Integer used = u.versionNumber();
      if (Objects.equals(used, now) && (used == null || Objects.equals(u.decision(), decision))) {
        continue;
      }
      StaleReasonKind kind;
      if (now == null) {
        kind =
            s != null && "RETURNED".equals(s.status())
                ? StaleReasonKind.RETURNED
                : StaleReasonKind.WITHDRAWN;
      } else if ("ACCEPTED".equals(decision)) {
        kind = StaleReasonKind.ACCEPTED;
      } else if (used == null) {
        kind = StaleReasonKind.SUBMITTED;
      } else if (now > used) {
        kind = StaleReasonKind.RESUBMITTED;
      } else {
        kind = StaleReasonKind.WITHDRAWN;
      }
      reasons.add(
          new ReportConsolidationResponse.StaleReason(u.unitId(), u.name(), kind, used, now));
    }
    return reasons;
  }

  // ------------------------------------------------------------------ helpers

  private Map<UUID, SubmissionState> statesByUnit(UUID regimeId, String period) {
    Map<UUID, SubmissionState> states = new HashMap<>();
    for (SubmissionState s : repo.states(regimeId, period)) {
      states.put(s.unitId(), s);
    }
    return states;
  }

  private static List<ReportConsolidationRepository.VersionRef> refs(
      List<ConsolidationRow.Unit> units) {
    List<ReportConsolidationRepository.VersionRef> refs = new ArrayList<>();
    for (ConsolidationRow.Unit u : units) {
      if (u.fed()) {
        refs.add(new ReportConsolidationRepository.VersionRef(u.submissionId(), u.versionNumber()));
      }
    }
    return refs;
  }

  /** The indicators of a template version, in template order. */
  private List<TemplateIndicator> indicators(UUID templateId, int number) {
    ReportTemplateVersion v = templates.version(templateId, number);
    List<TemplateIndicator> out = new ArrayList<>();
    if (v != null) {
      for (TemplateSection s : v.sections) {
        if (s.indicators() != null) {
          out.addAll(s.indicators());
        }
      }
    }
    return out;
  }

  private String collectingName(ConsolidationRow row) {
    LocalDate day = PeriodCode.tryParse(row.period()).map(PeriodCode::start).orElse(null);
    return day == null
        ? null
        : units.namesOn(List.of(row.collectingUnitId()), day).get(row.collectingUnitId());
  }

  private static ApiException unknownRegime(String pointer) {
    return new ApiException(
        422,
        "UNKNOWN_REPORTING_REGIME",
        List.of(FieldError.of(pointer, "field.UNKNOWN_REPORTING_REGIME")));
  }
}
