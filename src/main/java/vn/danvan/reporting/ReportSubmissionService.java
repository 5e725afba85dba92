package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.source.Upserted;
import vn.danvan.shared.sync.ImportItemResult;

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
  @Inject SourceWrites sources;
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

  /**
   * The reports among {@code ids} the caller may read, each as {@link #get} answers it: those in
   * the caller's scope by their units' paths in one query, the others (rare: units moved since)
   * checked one by one as {@link #get} does.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, ReportSubmissionResponse> readable(Collection<UUID> ids) {
    Set<UUID> wanted = new LinkedHashSet<>(ids);
    UUID[] roots = scope.rootsOrAll();
    List<ReportSubmission> rows = new ArrayList<>(repo.findAllUnder(wanted, roots));
    if (roots != null && rows.size() < wanted.size()) {
      Set<UUID> rest = new LinkedHashSet<>(wanted);
      rows.forEach(s -> rest.remove(s.id));
      repo.findAll(rest).stream().filter(access::canSee).forEach(rows::add);
    }
    return views.fullAll(rows);
  }

  /** Whether any report was made for a period of the regime (the demo data's check). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean anyFor(UUID regimeId, String period) {
    return repo.anyFor(regimeId, period);
  }

  // ------------------------------------------------------------------ writes

  /** The content a new draft gets beyond the prefilled figures (a PUT or an import item). */
  record Content(
      Map<String, JsonNode> values,
      Map<String, String> narratives,
      UUID reportDocumentId,
      Boolean clearReportDocument) {

    static final Content NONE = new Content(Map.of(), Map.of(), null, null);

    static Content of(ReportSubmissionUpdateRequest req) {
      return new Content(
          req.values() == null ? Map.of() : req.values(),
          req.narratives() == null ? Map.of() : req.narratives(),
          req.reportDocumentId(),
          req.clearReportDocument());
    }
  }

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
    // the role decides before the unit is looked at
    if (!access.hasReporterRole()) {
      throw ApiException.forbidden();
    }
    Provenance incoming =
        sources.claim(
            provenance(
                req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt()));
    requireFreeSourceKey(incoming);
    return createDraft(
        UUID.randomUUID(),
        req.regimeId(),
        req.period(),
        req.orgUnitId(),
        new Content(Map.of(), Map.of(), req.reportDocumentId(), null),
        incoming,
        at,
        new HashMap<>());
  }

  /**
   * {@code PUT /{id}}: creates the draft under the client's id when there is no report with it,
   * else replaces the values and texts named in the body by the rules of {@link SourceWrites}.
   */
  @Transactional
  public Upserted<ReportSubmissionResponse> upsert(
      UUID id, Preconditions pre, ReportSubmissionUpdateRequest req) {
    if (!access.hasReporterRole()) {
      throw ApiException.forbidden();
    }
    Provenance incoming =
        provenance(req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt());
    ReportSubmission s = repo.find(id);
    if (s == null) {
      return createByUpsert(id, pre, req, incoming);
    }
    return replace(access.visibleForUpdate(id), pre, req, incoming, new HashMap<>());
  }

  /**
   * {@code PUT /by-source/{sourceSystem}/{sourceId}}: the report with that source key, else the
   * unit's report of the period (which then gets the key), else a new draft.
   */
  @Transactional
  public Upserted<ReportSubmissionResponse> upsertBySource(
      SourceKey key, Preconditions pre, ReportSubmissionUpdateRequest req) {
    if (!access.hasReporterRole()) {
      throw ApiException.forbidden();
    }
    key.requireBodyMatches(req.sourceSystem(), req.sourceId());
    // only the system's own client (or an admin) uses its keys, whatever they name
    Provenance incoming =
        sources.claim(
            new Provenance(key.system(), key.id(), req.sourceVersion(), req.sourceUpdatedAt()));
    ReportSubmission s = repo.findBySource(key.system(), key.id());
    if (s == null && req.regimeId() != null && req.period() != null && req.orgUnitId() != null) {
      s =
          PeriodCode.tryParse(req.period().trim())
              .map(c -> repo.findByKey(req.regimeId(), c.code(), req.orgUnitId()))
              .filter(access::canSee)
              .orElse(null);
    }
    if (s == null) {
      return createByUpsert(UUID.randomUUID(), pre, req, incoming);
    }
    return replace(access.visibleForUpdate(s.id), pre, req, incoming, new HashMap<>());
  }

  /**
   * Replaces the values of the indicators and the texts of the sections named in the body (the
   * computed values and their provenance stay); only while a draft or returned.
   */
  @Transactional
  public ReportSubmissionResponse update(
      UUID id, long expectedVersion, ReportSubmissionUpdateRequest req) {
    ReportSubmission s = access.visibleForUpdate(id);
    return replace(
            s,
            new Preconditions(expectedVersion, false, false),
            req,
            provenance(
                req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt()),
            new HashMap<>())
        .body();
  }

  private Upserted<ReportSubmissionResponse> createByUpsert(
      UUID id, Preconditions pre, ReportSubmissionUpdateRequest req, Provenance incoming) {
    Provenance claimed = sources.create(pre, incoming, ReportSubmissionAccess.LABEL);
    requireFreeSourceKey(claimed);
    List<FieldError> missing = new ArrayList<>();
    if (req.regimeId() == null) {
      missing.add(FieldError.of("/regimeId", "field.REQUIRED"));
    }
    if (req.period() == null || req.period().isBlank()) {
      missing.add(FieldError.of("/period", "field.REQUIRED"));
    }
    if (req.orgUnitId() == null) {
      missing.add(FieldError.of("/orgUnitId", "field.REQUIRED"));
    }
    if (!missing.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", missing);
    }
    return new Upserted<>(
        UpsertOutcome.CREATED,
        createDraft(
            id,
            req.regimeId(),
            req.period().trim(),
            req.orgUnitId(),
            Content.of(req),
            claimed,
            Instant.now(clock),
            new HashMap<>()));
  }

  /**
   * A new report's provenance: a source version or time needs a source key (400); a key another
   * report holds is 409 {@code REPORT_SUBMISSION_EXISTS} naming that report.
   */
  private void requireFreeSourceKey(Provenance p) {
    requireKeyForVersion(p);
    if (!p.owned()) {
      return;
    }
    ReportSubmission holder = repo.findBySource(p.sourceSystem(), p.sourceId());
    if (holder != null) {
      throw new ApiException(
          409,
          "REPORT_SUBMISSION_EXISTS",
          List.of(FieldError.of("/sourceId", "field.REPORT_SUBMISSION_EXISTS", holder.id)),
          holder.id);
    }
  }

  private static void requireKeyForVersion(Provenance p) {
    if (!p.owned() && (p.sourceVersion() != null || p.sourceUpdatedAt() != null)) {
      throw ApiException.invalid("/sourceSystem", "field.REQUIRED");
    }
  }

  /**
   * Checks and writes a new draft under {@code id}: everything is checked before anything is
   * written (an import answers a failed item without rolling its batch back).
   */
  ReportSubmissionResponse createDraft(
      UUID id,
      UUID regimeId,
      String periodCode,
      UUID unitId,
      Content content,
      Provenance provenance,
      Instant at,
      Map<String, ReportSubmissionRules> rulesCache) {
    if (!units.exists(unitId) || !scope.contains(unitId)) {
      throw ApiException.unknownUnit("/orgUnitId");
    }
    ReportingRegime r = regimes.find(regimeId);
    if (r == null) {
      throw unknownRegime();
    }
    boolean collector = scope.contains(r.collectingUnitId);
    PeriodCode code;
    try {
      code = PeriodCode.parse(periodCode, r.frequency, "/period");
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
    ReportSubmissionRules rules =
        rulesCache.computeIfAbsent(
            r.templateId + ":" + r.templateNumber,
            k -> new ReportSubmissionRules(templates.sections(r.templateId, r.templateNumber)));
    requireValid(rules, content);
    if (content.reportDocumentId() != null) {
      requireReportDocument(content.reportDocumentId());
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
    s.id = id;
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
    s.reportDocumentId = content.reportDocumentId();
    s.createdAt = now;
    s.updatedAt = now;
    s.values = merged(prefill(rules, r, period, unitId, level), content.values());
    s.narratives = mergedTexts(new HashMap<>(), content.narratives());
    s.provenance(provenance);
    s.persist();
    em.flush();
    ReportSubmissionResponse response = views.full(s, rules);
    audit.created(ENTITY, s.id, s.orgUnitId, s.version, response);
    LOG.infof("Report %s of unit %s for %s %s created", s.id, unitId, r.code, s.period);
    return response;
  }

  /**
   * Replaces the values and texts named in the body of an existing report (locked by the caller):
   * the reporting unit's writers only (403), the report's regime, period and unit unchanged (400),
   * the rules of {@link SourceWrites#replace} (ownership, source order, preconditions); content
   * changes only while a draft or returned (409), a newer source version alone at any status.
   */
  Upserted<ReportSubmissionResponse> replace(
      ReportSubmission s,
      Preconditions pre,
      ReportSubmissionUpdateRequest req,
      Provenance incoming,
      Map<String, ReportSubmissionRules> rulesCache) {
    access.requireReporter(s);
    List<FieldError> fixed = new ArrayList<>();
    if (req.regimeId() != null && !req.regimeId().equals(s.regimeId)) {
      fixed.add(FieldError.of("/regimeId", "field.REPORT_KEY_FIXED"));
    }
    if (req.period() != null
        && !PeriodCode.tryParse(req.period().trim())
            .map(c -> c.code().equals(s.period))
            .orElse(false)) {
      fixed.add(FieldError.of("/period", "field.REPORT_KEY_FIXED"));
    }
    if (req.orgUnitId() != null && !req.orgUnitId().equals(s.orgUnitId)) {
      fixed.add(FieldError.of("/orgUnitId", "field.REPORT_KEY_FIXED"));
    }
    if (!fixed.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", fixed);
    }
    ReportSubmissionRules rules =
        rulesCache.computeIfAbsent(s.templateId + ":" + s.templateNumber, k -> views.rules(s));
    Content content = Content.of(req);
    requireValid(rules, content);
    Map<String, SubmissionValue> nextValues = merged(new HashMap<>(s.values), content.values());
    Map<String, String> nextTexts = mergedTexts(new HashMap<>(s.narratives), content.narratives());
    UUID nextDocument = s.reportDocumentId;
    if (content.reportDocumentId() != null) {
      nextDocument = content.reportDocumentId();
    } else if (Boolean.TRUE.equals(content.clearReportDocument())) {
      nextDocument = null;
    }
    boolean sameContent =
        nextValues.equals(s.values)
            && nextTexts.equals(s.narratives)
            && Objects.equals(nextDocument, s.reportDocumentId);
    UpsertOutcome outcome = sources.replace(s.version, s.provenance(), pre, incoming, sameContent);
    if (outcome == UpsertOutcome.UNCHANGED) {
      return new Upserted<>(outcome, views.full(s, rules));
    }
    if (!sameContent && !s.status.editable()) {
      throw ApiException.illegalTransition(ReportSubmissionAccess.LABEL, s.status, Edit.UPDATE);
    }
    if (content.reportDocumentId() != null
        && !content.reportDocumentId().equals(s.reportDocumentId)) {
      requireReportDocument(content.reportDocumentId());
    }
    ReportSubmissionResponse before = views.full(s, rules);
    s.values = nextValues;
    s.narratives = nextTexts;
    s.reportDocumentId = nextDocument;
    s.provenance(SourceWrites.merged(s.provenance(), incoming));
    s.updatedAt = Instant.now(clock);
    em.flush();
    ReportSubmissionResponse after = views.full(s, rules);
    audit.updated(ENTITY, s.id, s.orgUnitId, s.version, before, after);
    return new Upserted<>(outcome, after);
  }

  /** 400 with a pointer per value not of its indicator's type and per unknown code. */
  private static void requireValid(ReportSubmissionRules rules, Content content) {
    List<FieldError> errors = new ArrayList<>(rules.typeErrors(content.values()));
    errors.addAll(rules.narrativeErrors(content.narratives()));
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
  }

  /** The stored values with the entered values of {@code values} (null: no value) put in. */
  private static Map<String, SubmissionValue> merged(
      Map<String, SubmissionValue> stored, Map<String, JsonNode> values) {
    values.forEach(
        (code, value) -> {
          SubmissionValue old = stored.get(code);
          JsonNode entered = SubmissionValue.present(value) ? value : null;
          stored.put(
              code,
              old == null
                  ? new SubmissionValue(entered, null, null, null)
                  : old.withValue(entered));
        });
    return stored;
  }

  /** The stored texts with those of {@code texts} put in (blank: removed). */
  private static Map<String, String> mergedTexts(
      Map<String, String> stored, Map<String, String> texts) {
    texts.forEach(
        (code, text) -> {
          if (text == null || text.isBlank()) {
            stored.remove(code);
          } else {
            stored.put(code, text);
          }
        });
    return stored;
  }

  /**
   * The provenance a body names: a source key needs both parts (400 at {@code /sourceSystem} or
   * {@code /sourceId}); a source version or time without a key only orders pushes of a report that
   * has one.
   */
  static Provenance provenance(
      String system, String id, Long version, java.time.OffsetDateTime updatedAt) {
    if (system == null && id == null) {
      return new Provenance(null, null, version, updatedAt);
    }
    SourceKey key = SourceKey.of(system, id, "/sourceSystem", "/sourceId");
    return new Provenance(key.system(), key.id(), version, updatedAt);
  }

  /** The key of a report in its regime: one per unit and period. */
  private record NaturalKey(UUID regimeId, String period, UUID unitId) {}

  /**
   * The items of an import of type {@code REPORT_VALUES}, in the caller's transaction, each by the
   * rules of {@code PUT}: by id when the item has one (created under it when missing), else by
   * source key, else the unit's report of the period, else a new draft; replaced without If-Match
   * ({@link Preconditions#IMPORT}). The reports named by the items are read in three queries; an
   * item refused is answered failed, nothing of it written.
   */
  @Transactional
  public List<ImportItemResult> importValues(List<ReportValuesImportItem> items) {
    List<ImportItemResult> results = new ArrayList<>(items.size());
    if (!access.hasReporterRole()) {
      items.forEach(i -> results.add(ImportItemResult.failed(ApiException.forbidden())));
      return results;
    }
    Set<UUID> ids = new LinkedHashSet<>();
    List<String> systems = new ArrayList<>();
    List<String> sourceIds = new ArrayList<>();
    List<UUID> keyRegimes = new ArrayList<>();
    List<String> keyPeriods = new ArrayList<>();
    List<UUID> keyUnits = new ArrayList<>();
    for (ReportValuesImportItem item : items) {
      if (item.id() != null) {
        ids.add(item.id());
        continue;
      }
      if (item.sourceSystem() != null && item.sourceId() != null) {
        systems.add(item.sourceSystem());
        sourceIds.add(item.sourceId());
      }
      NaturalKey key = naturalKey(item);
      if (key != null) {
        keyRegimes.add(key.regimeId());
        keyPeriods.add(key.period());
        keyUnits.add(key.unitId());
      }
    }
    Map<UUID, ReportSubmission> byId = new HashMap<>();
    repo.findAll(ids).forEach(s -> byId.put(s.id, s));
    Map<SourceKey, ReportSubmission> bySource = new HashMap<>();
    repo.findAllBySource(systems, sourceIds)
        .forEach(s -> bySource.put(new SourceKey(s.sourceSystem, s.sourceId), s));
    Map<NaturalKey, ReportSubmission> byKey = new HashMap<>();
    repo.findAllByKey(keyRegimes, keyPeriods, keyUnits)
        .forEach(s -> byKey.put(new NaturalKey(s.regimeId, s.period, s.orgUnitId), s));
    Map<String, ReportSubmissionRules> rules = new HashMap<>();
    for (ReportValuesImportItem item : items) {
      try {
        results.add(importOne(item, byId, bySource, byKey, rules));
      } catch (ApiException e) {
        results.add(ImportItemResult.failed(e));
      }
    }
    return results;
  }

  private ImportItemResult importOne(
      ReportValuesImportItem item,
      Map<UUID, ReportSubmission> byId,
      Map<SourceKey, ReportSubmission> bySource,
      Map<NaturalKey, ReportSubmission> byKey,
      Map<String, ReportSubmissionRules> rules) {
    ReportSubmissionUpdateRequest req = item.asUpdate();
    Provenance incoming =
        provenance(
            item.sourceSystem(), item.sourceId(), item.sourceVersion(), item.sourceUpdatedAt());
    NaturalKey key = naturalKey(item);
    ReportSubmission s;
    if (item.id() != null) {
      s = byId.get(item.id());
      if (s != null && !access.canSee(s)) {
        throw ApiException.notFound(ReportSubmissionAccess.LABEL);
      }
    } else {
      s = incoming.owned() ? bySource.get(incoming.key()) : null;
      if (s == null && key != null) {
        s = byKey.get(key);
      }
      if (s != null && !access.canSee(s)) {
        throw ApiException.unknownUnit("/orgUnitId");
      }
    }
    if (s != null) {
      return ImportItemResult.of(
          replace(s, Preconditions.IMPORT, req, incoming, rules).outcome(), s.id);
    }
    Provenance claimed =
        sources.create(Preconditions.IMPORT, incoming, ReportSubmissionAccess.LABEL);
    requireKeyForVersion(claimed);
    UUID id = item.id() != null ? item.id() : UUID.randomUUID();
    createDraft(
        id,
        item.regimeId(),
        item.period().trim(),
        item.orgUnitId(),
        Content.of(req),
        claimed,
        Instant.now(clock),
        rules);
    ReportSubmission created = repo.find(id);
    byId.put(id, created);
    byKey.put(new NaturalKey(created.regimeId, created.period, created.orgUnitId), created);
    if (claimed.owned()) {
      bySource.put(claimed.key(), created);
    }
    return ImportItemResult.of(UpsertOutcome.CREATED, id);
  }

  private static NaturalKey naturalKey(ReportValuesImportItem item) {
    if (item.regimeId() == null || item.period() == null || item.orgUnitId() == null) {
      return null;
    }
    return PeriodCode.tryParse(item.period().trim())
        .map(c -> new NaturalKey(item.regimeId(), c.code(), item.orgUnitId()))
        .orElse(null);
  }

  /** Attaches a file (the signed report, an annex) to a report the caller may write. */
  @Transactional
  public AttachmentResponse addAttachment(UUID id, AttachmentUpload upload) {
    ReportSubmission s = access.visible(id);
    access.requireReporter(s);
    sources.requireOwner(s.provenance(), s.version);
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
