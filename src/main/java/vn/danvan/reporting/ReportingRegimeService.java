package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.directive.DirectiveService;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessCalendar;
import vn.danvan.shared.time.BusinessTime;

/**
 * Reporting regimes: who reports what to whom, how often and by when. Everyone whose scope holds
 * the collecting unit reads a regime (others: 404); admins and unit managers in that scope write
 * it. A draft is edited by PUT; {@code ACTIVATE} puts it in force, {@code RETIRE} ends it. The
 * periods are {@link ReportingPeriodService}'s.
 */
@ApplicationScoped
public class ReportingRegimeService {

  public static final String ENTITY = "REPORTING_REGIME";
  static final String ENTITY_LABEL = "entity.REPORTING_REGIME";
  private static final Logger LOG = Logger.getLogger(ReportingRegimeService.class);

  /** The edit a status may refuse, named in {@code ILLEGAL_TRANSITION}. */
  private enum Edit {
    UPDATE
  }

  @Inject ReportingRegimeRepository repo;
  @Inject ReportingRegimeValidator validator;
  @Inject ReportTemplateService templates;
  @Inject DirectiveService directives;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;
  @Inject EntityManager em;

  // ------------------------------------------------------------------ reads

  /** One page of the regimes matching {@code query} in the caller's scope, by code. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ReportingRegimeResponse> list(ReportingRegimeQuery query, PageRequest page) {
    if (query.collectingUnitId() == null && query.orgUnitMode() != null) {
      throw ApiException.invalid("/query/collectingUnitId", "field.REQUIRED");
    }
    if (query.collectingUnitId() != null
        && (!units.exists(query.collectingUnitId()) || !scope.contains(query.collectingUnitId()))) {
      throw ApiException.unknownUnit("/query/collectingUnitId");
    }
    String tag = Cursor.tag("reporting-regimes", query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.TEXT);
    List<ReportingRegime> rows =
        repo.page(
            query,
            scope.rootsOrAll(),
            reportingAbove(),
            keys == null ? null : keys.text(0),
            page.fetchSize());
    Views views = new Views(rows);
    return Page.of(rows, page.limit(), views::of, r -> Cursor.encode(tag, r.code));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportingRegimeResponse get(UUID id) {
    return response(requireVisible(id));
  }

  /**
   * The regimes among {@code ids} the caller may read, each as {@link #get} answers it; the rows,
   * the way up to the caller's scope, the documents' numbers and the units' names read once.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, ReportingRegimeResponse> readable(Collection<UUID> ids) {
    List<ReportingRegime> rows = repo.findAll(new LinkedHashSet<>(ids));
    if (rows.isEmpty()) {
      return Map.of();
    }
    UUID[] above = reportingAbove();
    List<ReportingRegime> visible =
        rows.stream()
            .filter(r -> scope.contains(r.collectingUnitId) || reportsIn(r, above))
            .toList();
    Views views = new Views(visible);
    Map<UUID, ReportingRegimeResponse> out = new LinkedHashMap<>();
    visible.forEach(r -> out.put(r.id, views.of(r)));
    return out;
  }

  /** Whether the regime exists: one primary-key lookup (the demo data's check). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return repo.find(id) != null;
  }

  // ------------------------------------------------------------------ writes

  @Transactional
  public ReportingRegimeResponse create(ReportingRegimeRequest req) {
    return create(UUID.randomUUID(), req);
  }

  /** Creates a draft regime under a given id (the demo's are well known). */
  @Transactional
  public ReportingRegimeResponse create(UUID id, ReportingRegimeRequest req) {
    requireWriterRole();
    ReportingRegimeValidator.ValidRegime v = validate(req);
    UUID[] path = references(v);
    requireFreeCode(v.code(), id);
    Instant now = Instant.now(clock);
    ReportingRegime r = new ReportingRegime();
    r.id = id;
    r.status = ReportingRegimeStatus.DRAFT;
    r.createdAt = now;
    apply(r, v, path, now);
    r.persist();
    em.flush();
    ReportingRegimeResponse response = response(r);
    audit.created(ENTITY, r.id, r.collectingUnitId, r.version, response);
    LOG.infof("Reporting regime %s (%s) created", r.id, r.code);
    return response;
  }

  /** Replaces a draft; 409 {@code ILLEGAL_TRANSITION} once the regime is active or retired. */
  @Transactional
  public ReportingRegimeResponse update(UUID id, long expectedVersion, ReportingRegimeRequest req) {
    ReportingRegime r = requireWritable(id);
    ETags.check(expectedVersion, r.version);
    if (r.status != ReportingRegimeStatus.DRAFT) {
      throw ApiException.illegalTransition(ENTITY_LABEL, r.status, Edit.UPDATE);
    }
    ReportingRegimeValidator.ValidRegime v = validate(req);
    UUID[] path = references(v);
    requireFreeCode(v.code(), id);
    ReportingRegimeResponse before = response(r);
    apply(r, v, path, Instant.now(clock));
    em.flush();
    ReportingRegimeResponse after = response(r);
    audit.updated(ENTITY, r.id, r.collectingUnitId, r.version, before, after);
    return after;
  }

  /**
   * {@code ACTIVATE} (DRAFT → ACTIVE) checks the dates of the periods again, on the calendar as it
   * stands; {@code RETIRE} (DRAFT or ACTIVE → RETIRED) ends the regime, its periods stay readable.
   */
  @Transactional
  public ReportingRegimeResponse transition(
      UUID id, long expectedVersion, RegimeTransitionRequest req) {
    ReportingRegime r = requireWritable(id);
    ETags.check(expectedVersion, r.version);
    ReportingRegimeStatus next = r.status.after(req.action());
    if (next == null) {
      throw ApiException.illegalTransition(ENTITY_LABEL, r.status, req.action());
    }
    if (req.action() == ReportingRegimeAction.ACTIVATE) {
      r.schedule(calendar.snapshot())
          .validate(
              ReportingRegimeValidator.checkedPeriods(r.first(), r.last(), today().getYear()));
    }
    ReportingRegimeResponse before = response(r);
    r.status = next;
    r.updatedAt = Instant.now(clock);
    em.flush();
    ReportingRegimeResponse after = response(r);
    audit.action(
        "REPORTING_REGIME_" + req.action().name(),
        ENTITY,
        r.id,
        r.collectingUnitId,
        r.version,
        before,
        after,
        blankToNull(req.reason()));
    LOG.infof("Reporting regime %s: %s", r.id, next);
    return after;
  }

  // ------------------------------------------------------------------ rules

  /**
   * The regime, when the caller's scope holds its collecting unit or the caller's units report in
   * it; 404 otherwise.
   */
  ReportingRegime requireVisible(UUID id) {
    ReportingRegime r = repo.find(id);
    if (r == null || !(scope.contains(r.collectingUnitId) || reportsIn(r, reportingAbove()))) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return r;
  }

  /**
   * The regime without any scope check, or null: for the reports of its reporting units, whose
   * officers lie outside the collecting unit's scope (the caller checks its own rule).
   */
  ReportingRegime find(UUID id) {
    return repo.find(id);
  }

  /** Written in the scope of the collecting unit only: a unit that reports in it reads it (403). */
  private ReportingRegime requireWritable(UUID id) {
    ReportingRegime r = requireVisible(id);
    requireWriterRole();
    if (!scope.contains(r.collectingUnitId)) {
      throw ApiException.forbidden();
    }
    return r;
  }

  /**
   * Whether the caller's units report in the regime ({@code above}: {@link #reportingAbove}): a
   * listed unit lies in the caller's scope or holds it, or the units of a kind are taken below a
   * unit that holds the caller's scope.
   */
  private boolean reportsIn(ReportingRegime r, UUID[] above) {
    if (above == null) {
      return true;
    }
    List<UUID> ancestors = List.of(above);
    for (UUID listed : r.reportingUnitIds) {
      if (scope.contains(listed) || ancestors.contains(listed)) {
        return true;
      }
    }
    return r.reportingTargets != ReportingUnitTargets.UNITS
        && ancestors.contains(r.reportingRoot());
  }

  /**
   * The units on the way from the root to each root of the caller's scope (today's tree), both ends
   * included: a regime whose reporting units are taken below one of them concerns the caller; null
   * for an unrestricted caller.
   */
  private UUID[] reportingAbove() {
    if (scope.restriction().isEmpty()) {
      return null;
    }
    // all the roots, not the minimal ones: the units above each of them count
    UUID[] roots = scope.allRoots();
    return units.pathsOn(List.of(roots), today()).values().stream()
        .flatMap(List::stream)
        .distinct()
        .toArray(UUID[]::new);
  }

  private void requireWriterRole() {
    if (!user.isAdmin() && !user.hasRole(Roles.UNIT_MANAGER)) {
      throw ApiException.forbidden();
    }
  }

  private ReportingRegimeValidator.ValidRegime validate(ReportingRegimeRequest req) {
    return validator.validate(req, calendar.snapshot(), today());
  }

  /**
   * The units, the template version and the source document the body names: units must exist on the
   * first day of the first period and lie in the caller's scope (422 {@code UNKNOWN_UNIT}, every
   * bad one listed); the template version must be published; the document readable by the caller.
   * Returns the collecting unit's path on that day.
   */
  private UUID[] references(ReportingRegimeValidator.ValidRegime v) {
    LocalDate day = v.first().start();
    List<FieldError> unknown = new ArrayList<>();
    Optional<OrgUnitResponse> collecting = known(v.collectingUnitId(), day);
    if (collecting.isEmpty()) {
      unknown.add(FieldError.of("/collectingUnitId", "field.UNKNOWN_UNIT"));
    }
    if (v.ofUnitId() != null && known(v.ofUnitId(), day).isEmpty()) {
      unknown.add(FieldError.of("/reportingUnits/ofUnitId", "field.UNKNOWN_UNIT"));
    }
    for (int i = 0; i < v.unitIds().size(); i++) {
      if (known(v.unitIds().get(i), day).isEmpty()) {
        unknown.add(FieldError.of("/reportingUnits/unitIds/" + i, "field.UNKNOWN_UNIT"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ApiException(422, "UNKNOWN_UNIT", unknown);
    }
    if (!templates.exists(v.templateId())) {
      throw new ApiException(
          422,
          "UNKNOWN_REPORT_TEMPLATE",
          List.of(FieldError.of("/templateId", "field.UNKNOWN_REPORT_TEMPLATE")));
    }
    if (!templates.isPublished(v.templateId(), v.templateNumber())) {
      throw new ApiException(
          422,
          "TEMPLATE_VERSION_NOT_PUBLISHED",
          List.of(FieldError.of("/templateVersion", "field.TEMPLATE_VERSION_NOT_PUBLISHED")),
          v.templateNumber());
    }
    if (v.sourceDirectiveId() != null && !directives.readable(v.sourceDirectiveId())) {
      throw new ApiException(
          422,
          "UNKNOWN_DIRECTIVE",
          List.of(FieldError.of("/sourceDirectiveId", "field.UNKNOWN_DIRECTIVE")));
    }
    return collecting.get().path().toArray(UUID[]::new);
  }

  /** The unit as on {@code day}, when it exists then and lies in the caller's scope. */
  private Optional<OrgUnitResponse> known(UUID id, LocalDate day) {
    return units.find(id, day).filter(u -> u.active() && scope.contains(id));
  }

  private void requireFreeCode(String code, UUID id) {
    if (repo.codeTaken(code, id)) {
      throw new ApiException(
          409,
          "REPORTING_REGIME_CODE_TAKEN",
          List.of(FieldError.of("/code", "field.REGIME_CODE_TAKEN")),
          code);
    }
  }

  private static void apply(
      ReportingRegime r, ReportingRegimeValidator.ValidRegime v, UUID[] path, Instant now) {
    r.code = v.code();
    r.name = v.name();
    r.templateId = v.templateId();
    r.templateNumber = v.templateNumber();
    r.frequency = v.frequency();
    r.firstPeriod = v.first().code();
    r.lastPeriod = v.last() == null ? null : v.last().code();
    r.startsOn = v.first().start();
    r.endsOn = v.last() == null ? null : v.last().end();
    r.sourceDirectiveId = v.sourceDirectiveId();
    r.cutOffStartMonths = v.cutOff().startMonths();
    r.cutOffStartDay = v.cutOff().startDay();
    r.cutOffEndMonths = v.cutOff().endMonths();
    r.cutOffEndDay = v.cutOff().endDay();
    r.dueDates = new ArrayList<>(v.dueDates().stream().map(RegimeLevelRule::of).toList());
    r.lockRule = RegimeDateRule.of(v.lock());
    r.collectingUnitId = v.collectingUnitId();
    r.collectingUnitPath = path;
    r.reportingTargets = v.targets();
    r.reportingKind = v.kind();
    r.reportingOfUnitId = v.ofUnitId();
    r.reportingUnitIds = v.unitIds().toArray(UUID[]::new);
    r.updatedAt = now;
  }

  ReportingRegimeResponse response(ReportingRegime r) {
    return new Views(List.of(r)).of(r);
  }

  /**
   * The answers of some regimes: their documents' numbers and collecting units' names read once for
   * all of them.
   */
  private final class Views {
    private final Map<UUID, String> numbers;
    private final Map<UUID, String> names;
    private final Map<UUID, LocalDate> closings = new HashMap<>();
    private final LocalDate today = today();

    Views(List<ReportingRegime> regimes) {
      List<UUID> documents =
          regimes.stream().map(r -> r.sourceDirectiveId).filter(d -> d != null).toList();
      numbers = documents.isEmpty() ? Map.of() : directives.readableNumbers(documents);
      names =
          regimes.isEmpty()
              ? Map.of()
              : units.namesOn(regimes.stream().map(r -> r.collectingUnitId).toList(), today);
    }

    ReportingRegimeResponse of(ReportingRegime r) {
      LocalDate closed =
          closings.computeIfAbsent(
              r.collectingUnitId,
              u -> units.find(u, today).map(OrgUnitResponse::validTo).orElse(null));
      return ReportingRegimeResponse.of(
          r,
          r.sourceDirectiveId == null ? null : numbers.get(r.sourceDirectiveId),
          names.get(r.collectingUnitId),
          closed);
    }
  }

  private LocalDate today() {
    return BusinessTime.today(clock);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
