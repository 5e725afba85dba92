package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.directive.DirectiveService;
import vn.danvan.directive.DirectiveType;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.attachment.AttachmentContent;
import vn.danvan.shared.attachment.AttachmentResponse;
import vn.danvan.shared.attachment.AttachmentStore;
import vn.danvan.shared.attachment.AttachmentUpload;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.UnitScope;

/**
 * Reports of units for the periods of regimes (issue 11 §4): the list, one report, its creation
 * prefilled with the figures the system computes, and its edits. Transitions are {@link
 * ReportSubmissionWorkflow}'s, versions {@link ReportSubmissionVersionService}'s; who may do what
 * is {@link ReportSubmissionAccess}'s.
 */
@ApplicationScoped
public class ReportSubmissionService {

  public static final String ENTITY = "REPORT_SUBMISSION";
  private static final Logger LOG = Logger.getLogger(ReportSubmissionService.class);

  /** The edit a status may refuse, named in {@code ILLEGAL_TRANSITION}. */
  enum Edit {
    UPDATE
  }

  @Inject ReportSubmissionRepository repo;
  @Inject ReportSubmissionAccess access;
  @Inject ReportSubmissionViews views;
  @Inject ReportingRegimeService regimes;
  @Inject ReportingPeriodService periods;
  @Inject ReportFigureService figures;
  @Inject ReportTemplateService templates;
  @Inject DirectiveService directives;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject ConsolidatedFigures consolidated;
  @Inject AuditTrail audit;
  @Inject AttachmentStore attachments;
  @Inject Clock clock;
  @Inject EntityManager em;

  // ------------------------------------------------------------------ reads

  /**
   * One page of the reports matching {@code query} whose reporting unit or collecting unit lies in
   * the caller's scope, by due date.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ReportSubmissionResponse> list(ReportSubmissionQuery query, PageRequest page) {
    if (query.orgUnitId() == null && query.orgUnitMode() != null) {
      throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
    }
    if (query.period() != null) {
      PeriodCode.parse(query.period(), "/query/period");
    }
    if (query.orgUnitId() != null
        && (!units.exists(query.orgUnitId()) || !scope.contains(query.orgUnitId()))) {
      throw ApiException.unknownUnit("/query/orgUnitId");
    }
    String tag = Cursor.tag("report-submissions", query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.DATE, Cursor.KeyType.UUID);
    List<ReportSubmission> rows =
        repo.page(
            query,
            scope.rootsOrAll(),
            keys == null ? null : keys.date(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize());
    boolean more = rows.size() > page.limit();
    List<ReportSubmission> shown = more ? rows.subList(0, page.limit()) : rows;
    List<ReportSubmissionResponse> items =
        views.items(shown).stream().map(ReportSubmissionResponse::listItem).toList();
    ReportSubmission last = more ? shown.get(shown.size() - 1) : null;
    return new Page<>(items, last == null ? null : Cursor.encode(tag, last.dueDate, last.id));
  }

  /**
   * The report with every indicator of its template in order (entered and computed values) and its
   * narrative texts; the shape the exports read.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportSubmissionResponse get(UUID id) {
    return views.full(access.visible(id));
  }

  /** Whether any report was made for a period of the regime (the demo data's check). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean anyFor(UUID regimeId, String period) {
    return repo.anyFor(regimeId, period);
  }

  // ------------------------------------------------------------------ writes

  /**
   * A draft of the unit's report for the period, on the regime's template version, its values
   * prefilled by {@link ReportFigureService} with their provenance.
   */
  @Transactional
  public ReportSubmissionResponse create(ReportSubmissionCreateRequest req) {
    return create(req, Instant.now(clock));
  }

  /**
   * As {@link #create(ReportSubmissionCreateRequest)}, recorded as made at {@code at}: a report
   * entered after the fact (the demo's reports of 2023).
   */
  @Transactional
  public ReportSubmissionResponse create(ReportSubmissionCreateRequest req, Instant at) {
    UUID unitId = req.orgUnitId();
    // the role decides before the unit is looked at
    if (!access.hasReporterRole()) {
      throw ApiException.forbidden();
    }
    if (!units.exists(unitId) || !scope.contains(unitId)) {
      throw ApiException.unknownUnit("/orgUnitId");
    }
    ReportingRegime r = regimes.find(req.regimeId());
    if (r == null) {
      throw unknownRegime();
    }
    boolean collector = scope.contains(r.collectingUnitId);
    PeriodCode code;
    try {
      code = PeriodCode.parse(req.period(), r.frequency, "/period");
    } catch (ApiException e) {
      throw collector ? e : unknownRegime();
    }
    Optional<ReportingPeriodResponse> found = periods.periodOf(r, code);
    if (found.isEmpty()) {
      throw collector
          ? new ApiException(
              422,
              "UNKNOWN_REPORTING_PERIOD",
              List.of(FieldError.of("/period", "field.UNKNOWN_REPORTING_PERIOD")),
              code.code())
          : unknownRegime();
    }
    ReportingPeriodResponse period = found.get();
    String level = level(r, period, unitId);
    if (level == null && !collector) {
      throw unknownRegime();
    }
    if (r.status != ReportingRegimeStatus.ACTIVE) {
      throw new ApiException(
          422,
          "REPORTING_REGIME_NOT_ACTIVE",
          List.of(FieldError.of("/regimeId", "field.REPORTING_REGIME_NOT_ACTIVE")),
          r.status.name());
    }
    if (level == null) {
      throw new ApiException(
          422,
          "NOT_EXPECTED_TO_REPORT",
          List.of(FieldError.of("/orgUnitId", "field.NOT_EXPECTED_TO_REPORT", code.code())));
    }
    if (req.reportDocumentId() != null) {
      requireReportDocument(req.reportDocumentId());
    }
    ReportSubmission existing = repo.findByKey(r.id, code.code(), unitId);
    if (existing != null) {
      throw new ApiException(
          409,
          "REPORT_SUBMISSION_EXISTS",
          List.of(FieldError.of("/orgUnitId", "field.REPORT_SUBMISSION_EXISTS", existing.id)),
          existing.id);
    }
    Instant now = at;
    ReportSubmission s = new ReportSubmission();
    s.id = UUID.randomUUID();
    s.regimeId = r.id;
    s.period = code.code();
    s.orgUnitId = unitId;
    s.orgUnitPath = path(unitId, period);
    s.collectingUnitId = r.collectingUnitId;
    s.collectingUnitPath = path(r.collectingUnitId, period);
    s.level = level;
    s.dueDate =
        period.dueDates().stream()
            .filter(d -> d.level().equals(level))
            .findFirst()
            .orElseThrow()
            .dueDate();
    s.lockDate = period.lockDate();
    s.templateId = r.templateId;
    s.templateNumber = r.templateNumber;
    s.status = ReportSubmissionStatus.DRAFT;
    s.reportDocumentId = req.reportDocumentId();
    s.createdAt = now;
    s.updatedAt = now;
    ReportSubmissionRules rules =
        new ReportSubmissionRules(templates.sections(r.templateId, r.templateNumber));
    s.values = prefill(rules, r, period, unitId, level);
    s.narratives = new HashMap<>();
    s.persist();
    em.flush();
    ReportSubmissionResponse response = views.full(s, rules);
    audit.created(ENTITY, s.id, s.orgUnitId, s.version, response);
    LOG.infof("Report %s of unit %s for %s %s created", s.id, unitId, r.code, s.period);
    return response;
  }

  /**
   * Replaces the values of the indicators and the texts of the sections named in the body (the
   * computed values and their provenance stay); only while a draft or returned.
   */
  @Transactional
  public ReportSubmissionResponse update(
      UUID id, long expectedVersion, ReportSubmissionUpdateRequest req) {
    ReportSubmission s = access.visible(id);
    access.requireReporter(s);
    ETags.check(expectedVersion, s.version);
    if (!s.status.editable()) {
      throw ApiException.illegalTransition(ReportSubmissionAccess.LABEL, s.status, Edit.UPDATE);
    }
    ReportSubmissionRules rules = views.rules(s);
    Map<String, JsonNode> values = req.values() == null ? Map.of() : req.values();
    Map<String, String> texts = req.narratives() == null ? Map.of() : req.narratives();
    List<FieldError> errors = new ArrayList<>(rules.typeErrors(values));
    errors.addAll(rules.narrativeErrors(texts));
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    if (req.reportDocumentId() != null) {
      requireReportDocument(req.reportDocumentId());
    }
    ReportSubmissionResponse before = views.full(s, rules);
    Map<String, SubmissionValue> nextValues = new HashMap<>(s.values);
    values.forEach(
        (code, value) -> {
          SubmissionValue old = nextValues.get(code);
          JsonNode entered = SubmissionValue.present(value) ? value : null;
          nextValues.put(
              code,
              old == null
                  ? new SubmissionValue(entered, null, null, null)
                  : old.withValue(entered));
        });
    Map<String, String> nextTexts = new HashMap<>(s.narratives);
    texts.forEach(
        (code, text) -> {
          if (text == null || text.isBlank()) {
            nextTexts.remove(code);
          } else {
            nextTexts.put(code, text);
          }
        });
    s.values = nextValues;
    s.narratives = nextTexts;
    if (req.reportDocumentId() != null) {
      s.reportDocumentId = req.reportDocumentId();
    } else if (Boolean.TRUE.equals(req.clearReportDocument())) {
      s.reportDocumentId = null;
    }
    s.updatedAt = Instant.now(clock);
    em.flush();
    ReportSubmissionResponse after = views.full(s, rules);
    audit.updated(ENTITY, s.id, s.orgUnitId, s.version, before, after);
    return after;
  }

  /** Attaches a file (the signed report, an annex) to a report the caller may write. */
  @Transactional
  public AttachmentResponse addAttachment(UUID id, AttachmentUpload upload) {
    ReportSubmission s = access.visible(id);
    access.requireReporter(s);
    return attachments.store(ENTITY, s.id, s.orgUnitId, upload);
  }

  /** The files of the report (the attachment store reads only inside a transaction). */
  @Transactional
  public List<AttachmentResponse> attachments(UUID id) {
    return attachments.list(ENTITY, access.visible(id).id);
  }

  @Transactional
  public AttachmentContent attachment(UUID id, UUID attachmentId) {
    return attachments.content(ENTITY, access.visible(id).id, attachmentId);
  }

  // ------------------------------------------------------------------ rules

  /**
   * The level whose due date applies to the unit: the first for an expected unit; the last for the
   * consolidating unit's own report when the chain has more than one level; null otherwise.
   */
  private String level(ReportingRegime r, ReportingPeriodResponse period, UUID unitId) {
    List<LevelDueDate> levels = period.dueDates();
    boolean expected = period.expectedUnits().stream().anyMatch(u -> u.unitId().equals(unitId));
    if (expected) {
      return levels.get(0).level();
    }
    if (levels.size() > 1 && unitId.equals(consolidatingUnit(r, period))) {
      return levels.get(levels.size() - 1).level();
    }
    return null;
  }

  /**
   * The unit whose own report consolidates the period: the collecting unit's parent when the
   * collecting unit is a department (Phòng Nội vụ for the district), else the collecting unit.
   */
  private UUID consolidatingUnit(ReportingRegime r, ReportingPeriodResponse period) {
    Optional<OrgUnitResponse> collecting = units.find(r.collectingUnitId, period.startDate());
    if (collecting.isPresent()
        && collecting.get().kind() == OrgUnitKind.DEPARTMENT
        && collecting.get().parentId() != null) {
      return collecting.get().parentId();
    }
    return r.collectingUnitId;
  }

  private UUID[] path(UUID unitId, ReportingPeriodResponse period) {
    return units
        .find(unitId, period.startDate())
        .map(u -> u.path().toArray(UUID[]::new))
        .orElseThrow(() -> ApiException.unknownUnit("/orgUnitId"));
  }

  /** The computed figures of the template's indicators over the unit's subtree and the window. */
  private Map<String, SubmissionValue> prefill(
      ReportSubmissionRules rules,
      ReportingRegime r,
      ReportingPeriodResponse period,
      UUID unitId,
      String level) {
    FigureScope figureScope =
        new FigureScope(
            r.id,
            period.code(),
            unitId,
            period.endDate(),
            period.windowStartDate(),
            period.windowEndDate());
    Map<String, ComputedFigure> computed =
        new HashMap<>(figures.compute(rules.indicators(), figureScope));
    if (!level.equals(r.dueDates.getFirst().level())) {
      // the consolidating unit's own report: the figures its reporting units sent, consolidated
      computed.putAll(consolidated.consolidatorsOwn(rules.indicators(), figureScope));
    }
    Map<String, SubmissionValue> values = new HashMap<>();
    computed.forEach(
        (code, f) -> {
          JsonNode value = SubmissionValue.present(f.value()) ? f.value() : null;
          values.put(code, new SubmissionValue(value, value, f.source(), f.computedAt()));
        });
    return values;
  }

  /** 422 at {@code /reportDocumentId} unless a "Báo cáo" (BC) the caller may read. */
  void requireReportDocument(UUID documentId) {
    if (!directives.readable(documentId)) {
      throw new ApiException(
          422,
          "UNKNOWN_DIRECTIVE",
          List.of(FieldError.of("/reportDocumentId", "field.UNKNOWN_DIRECTIVE")));
    }
    if (directives.get(documentId).type() != DirectiveType.BAO_CAO) {
      throw new ApiException(
          422,
          "NOT_A_REPORT_DOCUMENT",
          List.of(FieldError.of("/reportDocumentId", "field.NOT_A_REPORT_DOCUMENT")));
    }
  }

  private static ApiException unknownRegime() {
    return new ApiException(
        422,
        "UNKNOWN_REPORTING_REGIME",
        List.of(FieldError.of("/regimeId", "field.UNKNOWN_REPORTING_REGIME")));
  }
}
