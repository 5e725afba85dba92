package vn.danvan.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import vn.danvan.directive.DirectiveService;
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
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessTime;

/**
 * "Dân vận khéo" models of good practice (issue 14 §2). Everyone whose scope holds one of a model's
 * units reads it (others: 404); admins, unit managers and officers whose scope holds its lead unit
 * write it, naming only units of their scope. {@code START_IMPLEMENTATION}, {@code RECOGNISE} (with
 * the deciding document) and {@code DISCONTINUE} move it on; evidence files go to the shared
 * attachment store. The public face of the feature.
 */
@ApplicationScoped
public class GoodPracticeModelService {

  public static final String ENTITY = "GOOD_PRACTICE_MODEL";
  static final String ENTITY_LABEL = "entity.GOOD_PRACTICE_MODEL";
  private static final Logger LOG = Logger.getLogger(GoodPracticeModelService.class);

  /** The edit a status may refuse, named in {@code ILLEGAL_TRANSITION}. */
  private enum Edit {
    UPDATE
  }

  @Inject GoodPracticeModelRepository repo;
  @Inject DirectiveService directives;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject AttachmentStore attachments;
  @Inject Clock clock;
  @Inject EntityManager em;

  // ------------------------------------------------------------------ reads

  /** One page of the models matching {@code query} in the caller's scope, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<GoodPracticeModelResponse> list(GoodPracticeModelQuery query, PageRequest page) {
    requireKnownFilterUnit(query.orgUnitId(), query.orgUnitMode());
    String tag = Cursor.tag("good-practice-models", query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.DATE, Cursor.KeyType.UUID);
    List<GoodPracticeModel> rows =
        repo.page(
            query,
            scope.rootsOrAll(),
            keys == null ? null : keys.date(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize());
    Views views = new Views(rows);
    return Page.of(rows, page.limit(), views::of, m -> Cursor.encode(tag, m.registeredOn, m.id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public GoodPracticeModelResponse get(UUID id) {
    return response(requireVisible(id));
  }

  /** The models among {@code ids} the caller may read, each as {@link #get} answers it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, GoodPracticeModelResponse> readable(Collection<UUID> ids) {
    List<UUID> visible = repo.visible(new LinkedHashSet<>(ids), scope.rootsOrAll());
    List<GoodPracticeModel> rows = repo.findAll(visible);
    Views views = new Views(rows);
    Map<UUID, GoodPracticeModelResponse> out = new LinkedHashMap<>();
    rows.forEach(m -> out.put(m.id, views.of(m)));
    return out;
  }

  /** Whether the model exists: one primary-key lookup (the demo data's check). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return repo.find(id) != null;
  }

  /**
   * Counts by child unit × field × status × recognition level of the models with a unit in the
   * selection ({@code mode} default DESCENDANTS), registered in {@code year} when given; the same
   * models the list answers for the same filters. One query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public GoodPracticeStatisticsResponse statistics(
      UUID orgUnitId,
      OrgUnitMode orgUnitMode,
      Integer year,
      GoodPracticeStatisticsGroupBy groupBy) {
    if (orgUnitId == null) {
      throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
    }
    OrgUnitMode mode = orgUnitMode == null ? OrgUnitMode.DESCENDANTS : orgUnitMode;
    GoodPracticeStatisticsGroupBy by =
        groupBy == null ? GoodPracticeStatisticsGroupBy.CHILD_UNIT : groupBy;
    requireKnownFilterUnit(orgUnitId, mode);
    LocalDate today = today();
    int depth =
        units
            .find(orgUnitId, today)
            .map(u -> u.path().size())
            .orElseThrow(() -> ApiException.unknownUnit("/query/orgUnitId"));
    List<GoodPracticeModelRepository.StatisticsRow> rows =
        repo.statistics(
            new GoodPracticeModelRepository.StatisticsQuery(
                orgUnitId, mode, depth, year, scope.rootsOrAll()));
    List<GoodPracticeModelRepository.StatisticsRow> totals =
        rows.stream().filter(GoodPracticeModelRepository.StatisticsRow::total).toList();
    Map<String, List<GoodPracticeModelRepository.StatisticsRow>> grouped = new TreeMap<>();
    Function<GoodPracticeModelRepository.StatisticsRow, String> key =
        switch (by) {
          case CHILD_UNIT -> r -> r.child().toString();
          case FIELD -> r -> r.field().name();
          case STATUS -> r -> r.status().name();
          case RECOGNITION_LEVEL -> r -> r.level() == null ? null : r.level().name();
        };
    for (GoodPracticeModelRepository.StatisticsRow r :
        by == GoodPracticeStatisticsGroupBy.CHILD_UNIT
            ? rows.stream().filter(r -> !r.total() && r.child() != null).toList()
            : totals) {
      String k = key.apply(r);
      if (k != null) {
        grouped.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
      }
    }
    Map<UUID, String> names =
        by == GoodPracticeStatisticsGroupBy.CHILD_UNIT && !grouped.isEmpty()
            ? units.namesOn(grouped.keySet().stream().map(UUID::fromString).toList(), today)
            : Map.of();
    List<GoodPracticeStatisticsResponse.Group> groups = new ArrayList<>();
    grouped.forEach(
        (k, cells) ->
            groups.add(
                new GoodPracticeStatisticsResponse.Group(
                    k,
                    by == GoodPracticeStatisticsGroupBy.CHILD_UNIT
                        ? names.get(UUID.fromString(k))
                        : null,
                    counts(cells))));
    return new GoodPracticeStatisticsResponse(orgUnitId, mode, year, by, counts(totals), groups);
  }

  /**
   * For the reports: the models one of whose units is among {@code units} registered in [{@code
   * from}, {@code to}], implemented at some time in it (as known on {@code day}), recognised in it
   * by level. No scope check (a count names no model). One query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public GoodPracticeFigures figures(
      List<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    GoodPracticeModelRepository.Figures f = repo.figures(units, from, to, day);
    return new GoodPracticeFigures(f.registered(), f.implementing(), f.recognised());
  }

  // ------------------------------------------------------------------ writes

  @Transactional
  public GoodPracticeModelResponse create(GoodPracticeModelRequest req) {
    return create(UUID.randomUUID(), req);
  }

  /** Registers a model under a given id (the demo's are well known). */
  @Transactional
  public GoodPracticeModelResponse create(UUID id, GoodPracticeModelRequest req) {
    requireWriterRole();
    Valid v = validate(req, null);
    Instant now = Instant.now(clock);
    GoodPracticeModel m = new GoodPracticeModel();
    m.id = id;
    m.status = GoodPracticeStatus.REGISTERED;
    m.createdAt = now;
    apply(m, v, now);
    m.persist();
    em.flush();
    repo.replaceUnits(m.id, v.unitRows());
    GoodPracticeModelResponse response = response(m);
    audit.created(ENTITY, m.id, m.leadUnitId, m.version, response);
    LOG.infof("Good practice model %s registered", m.id);
    return response;
  }

  /**
   * Replaces the model (not its status or recognition); 409 {@code ILLEGAL_TRANSITION} once it is
   * discontinued.
   */
  @Transactional
  public GoodPracticeModelResponse update(
      UUID id, long expectedVersion, GoodPracticeModelRequest req) {
    GoodPracticeModel m = requireWritable(id);
    ETags.check(expectedVersion, m.version);
    if (m.status == GoodPracticeStatus.DISCONTINUED) {
      throw ApiException.illegalTransition(ENTITY_LABEL, m.status, Edit.UPDATE);
    }
    Valid v = validate(req, m);
    GoodPracticeModelResponse before = response(m);
    apply(m, v, Instant.now(clock));
    em.flush();
    repo.replaceUnits(m.id, v.unitRows());
    GoodPracticeModelResponse after = response(m);
    audit.updated(ENTITY, m.id, m.leadUnitId, m.version, before, after);
    return after;
  }

  /**
   * {@code START_IMPLEMENTATION} (REGISTERED → IMPLEMENTING) and {@code DISCONTINUE} (REGISTERED or
   * IMPLEMENTING → DISCONTINUED) on a day (default today); {@code RECOGNISE} (IMPLEMENTING →
   * RECOGNISED) records the decision: its level (the district only before 01/07/2025), the document
   * of the register (readable by the caller), its date (not in the future, not before the start).
   */
  @Transactional
  public GoodPracticeModelResponse transition(
      UUID id, long expectedVersion, GoodPracticeTransitionRequest req) {
    GoodPracticeModel m = requireWritable(id);
    ETags.check(expectedVersion, m.version);
    GoodPracticeStatus next = m.status.after(req.action());
    if (next == null) {
      throw ApiException.illegalTransition(ENTITY_LABEL, m.status, req.action());
    }
    LocalDate today = today();
    List<FieldError> errors = new ArrayList<>();
    GoodPracticeTransitionRequest.RecognitionInput r = req.recognition();
    LocalDate day = req.date() == null ? today : req.date();
    if (req.action() == GoodPracticeAction.RECOGNISE) {
      if (req.date() != null) {
        errors.add(FieldError.of("/date", "field.NOT_WITH_ACTION"));
      }
      if (r == null) {
        errors.add(FieldError.of("/recognition", "field.REQUIRED"));
      } else {
        checkDay(r.date(), m.startDate, today, "/recognition/date", errors);
        if (!r.level().existsOn(r.date())) {
          errors.add(
              FieldError.of(
                  "/recognition/level",
                  "field.DISTRICT_LEVEL_ABOLISHED",
                  RecognitionLevel.DISTRICTS_ABOLISHED));
        }
      }
    } else {
      if (r != null) {
        errors.add(FieldError.of("/recognition", "field.NOT_WITH_ACTION"));
      }
      checkDay(day, m.startDate, today, "/date", errors);
      if (m.implementingSince != null && day.isBefore(m.implementingSince)) {
        errors.add(FieldError.of("/date", "field.BEFORE_IMPLEMENTATION", m.implementingSince));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    if (r != null && !directives.readable(r.directiveId())) {
      throw new ApiException(
          422,
          "UNKNOWN_DIRECTIVE",
          List.of(FieldError.of("/recognition/directiveId", "field.UNKNOWN_DIRECTIVE")));
    }
    GoodPracticeModelResponse before = response(m);
    switch (req.action()) {
      case START_IMPLEMENTATION -> m.implementingSince = day;
      case DISCONTINUE -> m.discontinuedOn = day;
      case RECOGNISE -> {
        m.recognitionLevel = r.level();
        m.recognitionDirectiveId = r.directiveId();
        m.recognitionDate = r.date();
      }
    }
    m.status = next;
    m.updatedAt = Instant.now(clock);
    em.flush();
    GoodPracticeModelResponse after = response(m);
    audit.action(
        "GOOD_PRACTICE_MODEL_" + req.action().name(),
        ENTITY,
        m.id,
        m.leadUnitId,
        m.version,
        before,
        after,
        blankToNull(req.reason()));
    LOG.infof("Good practice model %s: %s", m.id, next);
    return after;
  }

  /** Attaches an evidence file to a model the caller may write. */
  @Transactional
  public AttachmentResponse addAttachment(UUID id, AttachmentUpload upload) {
    GoodPracticeModel m = requireWritable(id);
    return attachments.store(ENTITY, m.id, m.leadUnitId, upload);
  }

  /** The evidence files of the model (the attachment store reads only inside a transaction). */
  @Transactional
  public List<AttachmentResponse> attachments(UUID id) {
    requireVisible(id);
    return attachments.list(ENTITY, id);
  }

  @Transactional
  public AttachmentContent attachment(UUID id, UUID attachmentId) {
    requireVisible(id);
    return attachments.content(ENTITY, id, attachmentId);
  }

  // ------------------------------------------------------------------ rules

  /** The model, when the caller's scope holds one of its units; 404 otherwise. */
  private GoodPracticeModel requireVisible(UUID id) {
    GoodPracticeModel m = repo.find(id);
    if (m == null || repo.visible(List.of(id), scope.rootsOrAll()).isEmpty()) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return m;
  }

  /** Written by a writer whose scope holds the lead unit (a co-unit's officers read it: 403). */
  private GoodPracticeModel requireWritable(UUID id) {
    GoodPracticeModel m = requireVisible(id);
    requireWriterRole();
    if (!scope.contains(m.leadUnitId)) {
      throw ApiException.forbidden();
    }
    return m;
  }

  private void requireWriterRole() {
    if (!user.isAdmin() && !user.hasRole(Roles.UNIT_MANAGER) && !user.hasRole(Roles.OFFICER)) {
      throw ApiException.forbidden();
    }
  }

  /** A unit filter names a unit of the caller's scope (422 otherwise); a mode needs a unit. */
  private void requireKnownFilterUnit(UUID unitId, OrgUnitMode mode) {
    if (unitId == null && mode != null) {
      throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
    }
    if (unitId != null && (!units.exists(unitId) || !scope.contains(unitId))) {
      throw ApiException.unknownUnit("/query/orgUnitId");
    }
  }

  /** A body checked: its units with their paths, its trimmed texts, its lists. */
  private record Valid(
      GoodPracticeModelRequest req,
      List<UUID> coUnits,
      List<GoodPracticeModelRepository.UnitRow> unitRows,
      LocalDate registeredOn,
      List<GoodPracticeModel.Figure> figures,
      List<GoodPracticeModel.Replication> replications) {}

  /**
   * The checks of a body (400, every problem at once), then of its units (422 {@code UNKNOWN_UNIT},
   * every bad one listed): each must exist on the start date or today and lie in the caller's
   * scope; a co-unit or replicating unit already on {@code current} may lie outside it.
   */
  private Valid validate(GoodPracticeModelRequest req, GoodPracticeModel current) {
    LocalDate today = today();
    List<FieldError> errors = new ArrayList<>();
    List<UUID> co = req.coUnitIds() == null ? List.of() : req.coUnitIds();
    Set<UUID> modelUnits = new HashSet<>();
    modelUnits.add(req.leadUnitId());
    for (int i = 0; i < co.size(); i++) {
      if (!modelUnits.add(co.get(i))) {
        errors.add(FieldError.of("/coUnitIds/" + i, "field.DUPLICATE_UNIT"));
      }
    }
    LocalDate registeredOn = req.registeredOn() == null ? today : req.registeredOn();
    if (registeredOn.isAfter(today)) {
      errors.add(FieldError.of("/registeredOn", "field.NOT_IN_FUTURE"));
    }
    if (current != null) {
      LocalDate firstEvent =
          earliest(current.implementingSince, current.recognitionDate, current.discontinuedOn);
      if (firstEvent != null && req.startDate().isAfter(firstEvent)) {
        errors.add(FieldError.of("/startDate", "field.START_AFTER_EVENT", firstEvent));
      }
    }
    List<GoodPracticeModelRequest.ReplicationInput> reps =
        req.replications() == null ? List.of() : req.replications();
    Set<UUID> replicating = new HashSet<>();
    for (int i = 0; i < reps.size(); i++) {
      GoodPracticeModelRequest.ReplicationInput r = reps.get(i);
      String at = "/replications/" + i;
      if (modelUnits.contains(r.unitId())) {
        errors.add(FieldError.of(at + "/unitId", "field.REPLICATION_OF_MODEL_UNIT"));
      } else if (!replicating.add(r.unitId())) {
        errors.add(FieldError.of(at + "/unitId", "field.DUPLICATE_UNIT"));
      }
      checkDay(r.adoptedOn(), req.startDate(), today, at + "/adoptedOn", errors);
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    // the units
    Set<UUID> kept = new HashSet<>();
    if (current != null) {
      kept.addAll(List.of(current.coUnitIds));
      current.replications.forEach(r -> kept.add(r.unitId()));
    }
    Map<UUID, List<UUID>> paths = new LinkedHashMap<>();
    List<FieldError> unknown = new ArrayList<>();
    known(req.leadUnitId(), req.startDate(), false, kept, paths)
        .ifPresent(p -> unknown.add(FieldError.of("/leadUnitId", p)));
    for (int i = 0; i < co.size(); i++) {
      int at = i;
      known(co.get(i), req.startDate(), true, kept, paths)
          .ifPresent(p -> unknown.add(FieldError.of("/coUnitIds/" + at, p)));
    }
    for (int i = 0; i < reps.size(); i++) {
      int at = i;
      known(reps.get(i).unitId(), reps.get(i).adoptedOn(), true, kept, paths)
          .ifPresent(p -> unknown.add(FieldError.of("/replications/" + at + "/unitId", p)));
    }
    if (!unknown.isEmpty()) {
      throw new ApiException(422, "UNKNOWN_UNIT", unknown);
    }
    List<GoodPracticeModelRepository.UnitRow> rows = new ArrayList<>();
    rows.add(unitRow(req.leadUnitId(), paths, true));
    co.forEach(u -> rows.add(unitRow(u, paths, false)));
    List<GoodPracticeModel.Figure> figures =
        req.resultFigures() == null
            ? List.of()
            : req.resultFigures().stream()
                .map(
                    f ->
                        new GoodPracticeModel.Figure(
                            f.label().strip(), plain(f.value()), blankToNull(f.unit())))
                .toList();
    List<GoodPracticeModel.Replication> replications =
        reps.stream()
            .map(
                r ->
                    new GoodPracticeModel.Replication(
                        r.unitId(), r.adoptedOn(), blankToNull(r.note())))
            .sorted(
                Comparator.comparing(GoodPracticeModel.Replication::adoptedOn)
                    .thenComparing(GoodPracticeModel.Replication::unitId))
            .toList();
    return new Valid(req, co, rows, registeredOn, figures, replications);
  }

  /**
   * Null when the unit exists on {@code day} or today and lies in the caller's scope (or, when
   * {@code mayKeep}, is among {@code kept}), recording its path; else the message key.
   */
  private Optional<String> known(
      UUID id, LocalDate day, boolean mayKeep, Set<UUID> kept, Map<UUID, List<UUID>> paths) {
    if (!scope.contains(id) && !(mayKeep && kept.contains(id))) {
      return Optional.of("field.UNKNOWN_UNIT");
    }
    LocalDate today = today();
    Optional<OrgUnitResponse> now = units.find(id, today).filter(OrgUnitResponse::active);
    Optional<OrgUnitResponse> then =
        now.isPresent() ? now : units.find(id, day).filter(OrgUnitResponse::active);
    if (then.isEmpty()) {
      return Optional.of("field.UNKNOWN_UNIT");
    }
    paths.put(id, then.get().path());
    return Optional.empty();
  }

  private static GoodPracticeModelRepository.UnitRow unitRow(
      UUID id, Map<UUID, List<UUID>> paths, boolean lead) {
    return new GoodPracticeModelRepository.UnitRow(id, paths.get(id).toArray(UUID[]::new), lead);
  }

  /** A day of the model's life: not after today, not before the model's start. */
  private static void checkDay(
      LocalDate day, LocalDate start, LocalDate today, String at, List<FieldError> errors) {
    if (day.isAfter(today)) {
      errors.add(FieldError.of(at, "field.NOT_IN_FUTURE"));
    } else if (start != null && day.isBefore(start)) {
      errors.add(FieldError.of(at, "field.BEFORE_MODEL_START", start));
    }
  }

  /** The value without trailing zeros nor an exponent (850, not 8.5E+2). */
  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static LocalDate earliest(LocalDate... days) {
    LocalDate out = null;
    for (LocalDate d : days) {
      if (d != null && (out == null || d.isBefore(out))) {
        out = d;
      }
    }
    return out;
  }

  private static void apply(GoodPracticeModel m, Valid v, Instant now) {
    GoodPracticeModelRequest req = v.req();
    m.leadUnitId = req.leadUnitId();
    m.coUnitIds = v.coUnits().toArray(UUID[]::new);
    m.field = req.field();
    m.title = req.title().strip();
    m.description = blankToNull(req.description());
    m.startDate = req.startDate();
    m.registeredOn = v.registeredOn();
    m.peopleReached = req.peopleReached();
    m.householdsReached = req.householdsReached();
    m.results = blankToNull(req.results());
    m.resultFigures = new ArrayList<>(v.figures());
    m.replications = new ArrayList<>(v.replications());
    m.updatedAt = now;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private LocalDate today() {
    return BusinessTime.today(clock);
  }

  GoodPracticeModelResponse response(GoodPracticeModel m) {
    return new Views(List.of(m)).of(m);
  }

  /** The answers of some models: unit names and document numbers read once for all of them. */
  private final class Views {
    private final Map<UUID, String> names;
    private final Map<UUID, String> numbers;

    Views(List<GoodPracticeModel> models) {
      Set<UUID> ids = new LinkedHashSet<>();
      List<UUID> documents = new ArrayList<>();
      for (GoodPracticeModel m : models) {
        ids.add(m.leadUnitId);
        ids.addAll(List.of(m.coUnitIds));
        m.replications.forEach(r -> ids.add(r.unitId()));
        if (m.recognitionDirectiveId != null) {
          documents.add(m.recognitionDirectiveId);
        }
      }
      names = ids.isEmpty() ? Map.of() : units.namesOn(ids, today());
      numbers = documents.isEmpty() ? Map.of() : directives.readableNumbers(documents);
    }

    GoodPracticeModelResponse of(GoodPracticeModel m) {
      List<GoodPracticeModelResponse.ModelUnit> modelUnits = new ArrayList<>();
      modelUnits.add(
          new GoodPracticeModelResponse.ModelUnit(m.leadUnitId, names.get(m.leadUnitId), true));
      for (UUID u : m.coUnitIds) {
        modelUnits.add(new GoodPracticeModelResponse.ModelUnit(u, names.get(u), false));
      }
      return new GoodPracticeModelResponse(
          m.id,
          m.leadUnitId,
          List.of(m.coUnitIds),
          modelUnits,
          m.field,
          m.title,
          m.description,
          m.startDate,
          m.registeredOn,
          m.registeredOn.getYear(),
          m.peopleReached,
          m.householdsReached,
          m.results,
          m.resultFigures.stream()
              .map(f -> new GoodPracticeModelRequest.FigureInput(f.label(), f.value(), f.unit()))
              .toList(),
          m.replications.stream()
              .map(
                  r ->
                      new GoodPracticeModelResponse.ReplicationView(
                          r.unitId(), names.get(r.unitId()), r.adoptedOn(), r.note()))
              .toList(),
          m.status,
          m.implementingSince,
          m.discontinuedOn,
          m.recognitionLevel == null
              ? null
              : new GoodPracticeModelResponse.Recognition(
                  m.recognitionLevel,
                  m.recognitionDirectiveId,
                  numbers.get(m.recognitionDirectiveId),
                  m.recognitionDate),
          m.createdAt,
          m.updatedAt,
          m.version);
    }
  }

  /** The counts of some cells. */
  private static GoodPracticeStatisticsResponse.Counts counts(
      List<GoodPracticeModelRepository.StatisticsRow> rows) {
    Map<GoodPracticeStatus, Long> byStatus = new EnumMap<>(GoodPracticeStatus.class);
    List<GoodPracticeStatisticsResponse.Cell> cells = new ArrayList<>();
    long total = 0;
    for (GoodPracticeModelRepository.StatisticsRow r :
        rows.stream()
            .sorted(
                Comparator.comparing(GoodPracticeModelRepository.StatisticsRow::field)
                    .thenComparing(GoodPracticeModelRepository.StatisticsRow::status)
                    .thenComparing(
                        GoodPracticeModelRepository.StatisticsRow::level,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
            .toList()) {
      total += r.count();
      byStatus.merge(r.status(), r.count(), Long::sum);
      cells.add(
          new GoodPracticeStatisticsResponse.Cell(r.field(), r.status(), r.level(), r.count()));
    }
    return new GoodPracticeStatisticsResponse.Counts(
        total,
        byStatus.getOrDefault(GoodPracticeStatus.REGISTERED, 0L),
        byStatus.getOrDefault(GoodPracticeStatus.IMPLEMENTING, 0L),
        byStatus.getOrDefault(GoodPracticeStatus.RECOGNISED, 0L),
        byStatus.getOrDefault(GoodPracticeStatus.DISCONTINUED, 0L),
        cells);
  }
}
