package vn.danvan.dialogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.directive.DirectiveService;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKey;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessCalendar;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.task.TaskService;

/**
 * Grassroots dialogues (issue 14 §3): a commune-level unit plans a dialogue conference, announces
 * it, holds it and publishes its results; each step has a legal deadline ({@link DialogueConfig}).
 * Everyone whose scope holds the unit reads a dialogue (others: 404); writers (roles checked by the
 * resource) change it in their scope.
 */
@ApplicationScoped
public class DialogueService {

  public static final String ENTITY = "DIALOGUE";
  static final String ENTITY_LABEL = "entity.DIALOGUE";
  static final String HREF = "/api/v1/dialogues";
  private static final Logger LOG = Logger.getLogger(DialogueService.class);
  private static final Set<OrgUnitKind> COMMUNE = EnumSet.of(OrgUnitKind.COMMUNE);

  /** The edit a status may refuse, named in {@code ILLEGAL_TRANSITION}. */
  private enum Edit {
    UPDATE
  }

  /** The figures of the reports over the dialogues held in a window (one query). */
  public record Figures(long held, long heldOnTime, long questionsRaised, long questionsAnswered) {}

  @Inject DialogueRepository repo;
  @Inject DialogueConfig config;
  @Inject OrgUnitService units;
  @Inject DirectiveService directives;
  @Inject TaskService tasks;
  @Inject UnitScope scope;
  @Inject AuditTrail audit;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;
  @Inject EntityManager em;

  // ------------------------------------------------------------------ reads

  @Transactional(Transactional.TxType.SUPPORTS)
  public DialogueResponse get(UUID id) {
    return DialogueResponse.of(visible(id), today());
  }

  /** One page of the dialogues matching {@code q} in the caller's scope, latest planned first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<DialogueResponse> list(DialogueQuery q, PageRequest page) {
    requireSelectedUnit(q.orgUnitId(), q.orgUnitMode());
    if (q.year() != null && (q.year() < 1900 || q.year() > 2100)) {
      throw ApiException.invalid("/query/year", "field.DATE_RANGE", 1900, 2100);
    }
    String tag = Cursor.tag("dialogues", q);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.DATE, Cursor.KeyType.UUID);
    List<Dialogue> rows =
        repo.page(
            q,
            scope.rootsOrAll(),
            keys == null ? null : keys.date(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize());
    LocalDate today = today();
    return Page.of(
        rows,
        page.limit(),
        d -> DialogueResponse.of(d, today),
        d -> Cursor.encode(tag, d.plannedDate, d.id));
  }

  /** The dialogues among {@code ids} the caller may read, as GET answers them (one query). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, DialogueResponse> readable(Collection<UUID> ids) {
    Map<UUID, DialogueResponse> out = new LinkedHashMap<>();
    LocalDate today = today();
    UUID[] roots = scope.rootsOrAll();
    for (Dialogue d : repo.findAll(new LinkedHashSet<>(ids))) {
      if (inRoots(d.unitPath, roots)) {
        out.put(d.id, DialogueResponse.of(d, today));
      }
    }
    return out;
  }

  /** Whether the dialogue exists, whatever the caller's scope (the demo data's check). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return repo.find(id) != null;
  }

  // ------------------------------------------------------------------ writes

  @Transactional
  public DialogueResponse create(DialogueRequest req) {
    return create(UUID.randomUUID(), req);
  }

  /** Creates a planned dialogue under a given id (the demo's are well known). */
  @Transactional
  public DialogueResponse create(UUID id, DialogueRequest req) {
    UUID[] path = communePath(req.orgUnitId(), req.plannedDate());
    List<UUID> taskIds = readableTasks(req.taskIds());
    Dialogue d = new Dialogue();
    d.id = id;
    d.status = DialogueStatus.PLANNED;
    d.createdAt = Instant.now(clock);
    d.updatedAt = d.createdAt;
    apply(d, req, path, taskIds);
    d.persist();
    em.flush();
    DialogueResponse r = DialogueResponse.of(d, today());
    audit.created(ENTITY, d.id, d.unitId, d.version, r);
    LOG.infof("Dialogue %s created", d.id);
    return r;
  }

  /**
   * Replaces the plan. The unit changes only while PLANNED, the planned date only until held; a
   * cancelled dialogue is not edited (409 {@code ILLEGAL_TRANSITION}).
   */
  @Transactional
  public DialogueResponse update(UUID id, long expectedVersion, DialogueRequest req) {
    Dialogue d = visible(id);
    ETags.check(expectedVersion, d.version);
    boolean unitChanged = !d.unitId.equals(req.orgUnitId());
    boolean dateChanged = !d.plannedDate.equals(req.plannedDate());
    if (d.status == DialogueStatus.CANCELLED
        || unitChanged && d.status != DialogueStatus.PLANNED
        || dateChanged
            && (d.status == DialogueStatus.HELD || d.status == DialogueStatus.RESULTS_PUBLISHED)) {
      throw ApiException.illegalTransition(ENTITY_LABEL, d.status, Edit.UPDATE);
    }
    UUID[] path = communePath(req.orgUnitId(), req.plannedDate());
    List<UUID> taskIds = readableTasks(req.taskIds());
    DialogueResponse before = DialogueResponse.of(d, today());
    apply(d, req, path, taskIds);
    d.updatedAt = Instant.now(clock);
    em.flush();
    DialogueResponse after = DialogueResponse.of(d, today());
    audit.updated(ENTITY, d.id, d.unitId, d.version, before, after);
    return after;
  }

  /** ANNOUNCE, HOLD, PUBLISH_RESULTS or CANCEL, each with its facts. */
  @Transactional
  public DialogueResponse transition(UUID id, long expectedVersion, DialogueTransitionRequest req) {
    Dialogue d = visible(id);
    ETags.check(expectedVersion, d.version);
    DialogueStatus next = d.status.after(req.action());
    if (next == null) {
      throw ApiException.illegalTransition(ENTITY_LABEL, d.status, req.action());
    }
    LocalDate today = today();
    List<FieldError> errors = new ArrayList<>();
    DialogueTransitions.check(req, d, today, errors);
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    if (req.action() == DialogueAction.PUBLISH_RESULTS
        && !directives.readable(req.resultsDocumentId())) {
      throw new ApiException(
          422,
          "UNKNOWN_DIRECTIVE",
          List.of(FieldError.of("/resultsDocumentId", "field.UNKNOWN_DIRECTIVE")));
    }
    DialogueResponse before = DialogueResponse.of(d, today);
    switch (req.action()) {
      case ANNOUNCE -> {
        d.announcementDate = req.announcementDate();
        d.announcementChannel = req.announcementChannel();
      }
      case HOLD -> {
        d.heldDate = req.heldDate();
        d.chairName = req.chairName().strip();
        d.chairRole = req.chairRole();
        d.participantCount = req.participantCount();
        d.householdCount = req.householdCount();
        d.questions = req.questions() == null ? new ArrayList<>() : cleaned(req.questions());
        d.questionCount = d.questions.size();
        d.answeredCount = (int) d.questions.stream().filter(DialogueQuestion::answered).count();
        d.resultsDue = deadlines().resultsDue(d.heldDate);
      }
      case PUBLISH_RESULTS -> {
        d.resultsPublishedDate = req.resultsPublishedDate();
        d.resultsDocumentId = req.resultsDocumentId();
      }
      case CANCEL -> {
        d.cancelledDate = today;
        d.cancelReason = req.reason().strip();
      }
    }
    d.status = next;
    d.updatedAt = Instant.now(clock);
    em.flush();
    DialogueResponse after = DialogueResponse.of(d, today);
    audit.action(
        "DIALOGUE_" + req.action().name(),
        ENTITY,
        d.id,
        d.unitId,
        d.version,
        before,
        after,
        req.action() == DialogueAction.CANCEL ? d.cancelReason : null);
    LOG.infof("Dialogue %s: %s", d.id, next);
    return after;
  }

  // ------------------------------------------------------------------ compliance

  /**
   * Per commune-level unit of the selection (valid on the year's last day, or on {@code asOf} in
   * the current year): the dialogues held in {@code year} by {@code asOf}, the yearly obligation
   * and the late announcements and results among those due in the year. The unit defaults to the
   * whole scope, the mode to DESCENDANTS.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public DialogueComplianceResponse compliance(
      UUID unitId, OrgUnitMode mode, Integer year, LocalDate asOf) {
    LocalDate day = asOf == null ? today() : asOf;
    int y = year == null ? day.getYear() : year;
    if (y < 1900 || y > 2100) {
      throw ApiException.invalid("/query/year", "field.DATE_RANGE", 1900, 2100);
    }
    requireSelectedUnit(unitId, mode);
    OrgUnitMode m = mode == null ? OrgUnitMode.DESCENDANTS : mode;
    Map<UUID, List<UUID>> selected = new LinkedHashMap<>();
    for (OrgUnitService.UnitOnDay u : communes(y, day, unitId, m, scope.rootsOrAll())) {
      selected.put(u.id(), u.path());
    }
    LocalDate from = LocalDate.of(y, 1, 1);
    LocalDate to = LocalDate.of(y, 12, 31);
    Map<UUID, Map<Integer, LocalDate>> first = repo.firstHeld(y, y);
    Map<UUID, Long> held = repo.heldCounts(from, to, day);
    Map<UUID, long[]> late = new HashMap<>();
    for (DialogueRepository.UnitStateCount r : repo.stateCountsByUnit(from, to, day)) {
      UUID unit = r.unitId();
      if (!selected.containsKey(unit)) {
        continue;
      }
      long[] c = late.computeIfAbsent(unit, k -> new long[4]);
      boolean announcement = r.kind() == ObligationKind.DIALOGUE_ANNOUNCEMENT;
      ObligationState state = r.state();
      long n = r.count();
      boolean isLate = state == ObligationState.DONE_LATE || state == ObligationState.OVERDUE;
      c[announcement ? 0 : 2] += n;
      if (isLate) {
        c[announcement ? 1 : 3] += n;
      }
    }
    Map<UUID, String> names = units.namesOn(selected.keySet(), unitDay(y, day));
    List<DialogueComplianceResponse.UnitCompliance> items = new ArrayList<>();
    long withDialogue = 0;
    long heldTotal = 0;
    long lateAnn = 0;
    long lateRes = 0;
    LocalDate due = DialogueDeadlines.yearlyDue(y);
    for (UUID unit : selected.keySet()) {
      LocalDate firstHeld = first.getOrDefault(unit, Map.of()).get(y);
      LocalDate firstByDay = firstHeld != null && !firstHeld.isAfter(day) ? firstHeld : null;
      long h = held.getOrDefault(unit, 0L);
      long[] c = late.getOrDefault(unit, new long[4]);
      if (h > 0) {
        withDialogue++;
      }
      heldTotal += h;
      lateAnn += c[1];
      lateRes += c[3];
      items.add(
          new DialogueComplianceResponse.UnitCompliance(
              unit,
              names.get(unit),
              h,
              firstByDay,
              DialogueDeadline.of(ObligationKind.DIALOGUE_YEARLY, due, firstHeld, day),
              c[0],
              c[1],
              c[2],
              c[3]));
    }
    return new DialogueComplianceResponse(
        y,
        day,
        new DialogueComplianceResponse.Totals(
            selected.size(),
            withDialogue,
            selected.size() - withDialogue,
            heldTotal,
            lateAnn,
            lateRes),
        items);
  }

  // ------------------------------------------------------------------ the agenda and the reports

  /**
   * The yearly obligations of {@code q}: one per commune-level unit valid in each year from the
   * configured first year to the year of the query's day, due on 31 December, done on the day of
   * the unit's first dialogue held that year. When {@code paged}, only those after its cursor, the
   * years walked in the page's order and no further than the year that fills its limit (every
   * obligation of a year is due on the same day, so a later year sorts after all of them).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Obligation> yearlyObligations(ObligationQuery q, boolean paged) {
    int[] years = yearlyYears(q);
    List<Obligation> out = new ArrayList<>();
    if (years == null) {
      return out;
    }
    int from = years[0];
    int to = years[1];
    Map<UUID, Map<Integer, LocalDate>> first = repo.firstHeld(from, to);
    boolean down = paged && q.descending();
    for (int y = down ? to : from; down ? y >= from : y <= to; y += down ? -1 : 1) {
      LocalDate due = DialogueDeadlines.yearlyDue(y);
      if (paged
          && q.after() != null
          && (down ? due.isAfter(q.after().dueDate()) : due.isBefore(q.after().dueDate()))) {
        continue;
      }
      if (paged && out.size() >= q.limit()) {
        break;
      }
      for (OrgUnitService.UnitOnDay commune :
          communes(y, q.day(), q.unitId(), q.mode(), q.roots())) {
        UUID unit = commune.id();
        LocalDate done = first.getOrDefault(unit, Map.of()).get(y);
        ObligationState state = ObligationState.of(due, done, q.day());
        if (q.state() != null && q.state() != state) {
          continue;
        }
        if (paged
            && !q.isAfterCursor(
                new ObligationKey(due, ObligationKind.DIALOGUE_YEARLY, yearlyId(unit, y)))) {
          continue;
        }
        out.add(
            new Obligation(
                ObligationKind.DIALOGUE_YEARLY,
                yearlyId(unit, y),
                unit,
                due,
                state,
                done != null && !done.isAfter(q.day()) ? done : null,
                "Đối thoại với Nhân dân năm " + y,
                HREF + "?orgUnitId=" + unit + "&year=" + y));
      }
    }
    return out;
  }

  /**
   * The counts of the yearly obligations of {@code q} by state and {@code groupBy} (as {@link
   * vn.danvan.shared.agenda.ObligationSource#count}): tallied over the units of each year, no
   * obligation built.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ObligationCount> yearlyCounts(
      ObligationQuery q, ObligationGrouping groupBy, int groupLevel) {
    int[] years = yearlyYears(q);
    if (years == null) {
      return List.of();
    }
    Map<UUID, Map<Integer, LocalDate>> first = repo.firstHeld(years[0], years[1]);
    record Group(ObligationState state, UUID unit, YearMonth month) {}
    Map<Group, long[]> counts = new LinkedHashMap<>();
    for (int y = years[0]; y <= years[1]; y++) {
      LocalDate due = DialogueDeadlines.yearlyDue(y);
      YearMonth month = groupBy == ObligationGrouping.MONTH ? YearMonth.from(due) : null;
      for (OrgUnitService.UnitOnDay commune :
          communes(y, q.day(), q.unitId(), q.mode(), q.roots())) {
        LocalDate done = first.getOrDefault(commune.id(), Map.of()).get(y);
        ObligationState state = ObligationState.of(due, done, q.day());
        if (q.state() != null && q.state() != state) {
          continue;
        }
        UUID unit = null;
        if (groupBy == ObligationGrouping.CHILD_UNIT) {
          List<UUID> path = commune.path();
          unit = path.size() >= groupLevel ? path.get(groupLevel - 1) : commune.id();
        }
        counts.computeIfAbsent(new Group(state, unit, month), k -> new long[1])[0]++;
      }
    }
    List<ObligationCount> out = new ArrayList<>(counts.size());
    counts.forEach(
        (g, n) ->
            out.add(
                new ObligationCount(
                    ObligationKind.DIALOGUE_YEARLY, g.state(), g.unit(), g.month(), n[0])));
    return out;
  }

  /**
   * The first and last year of the yearly obligations {@code q} wants (from the configured first
   * year to the year of its day, within its due bounds); null when none.
   */
  private int[] yearlyYears(ObligationQuery q) {
    if (!q.kinds().contains(ObligationKind.DIALOGUE_YEARLY)) {
      return null;
    }
    int from = config.yearly().firstYear();
    if (q.dueFrom() != null) {
      from = Math.max(from, q.dueFrom().getYear());
    }
    int to = q.day().getYear();
    if (q.dueTo() != null) {
      int last =
          q.dueTo().isBefore(DialogueDeadlines.yearlyDue(q.dueTo().getYear()))
              ? q.dueTo().getYear() - 1
              : q.dueTo().getYear();
      to = Math.min(to, last);
    }
    return to < from ? null : new int[] {from, to};
  }

  /** The stable id of a unit's yearly obligation of a year. */
  public static UUID yearlyId(UUID unit, int year) {
    return UUID.nameUUIDFromBytes(
        ("dialogue-yearly:" + unit + ":" + year).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * For the reports: over {@code units}' dialogues held in [{@code from}, {@code to}] by {@code
   * day}, how many, how many announced and published on time (both DONE_ON_TIME on {@code day}),
   * the questions raised and answered. No scope check (counts name no dialogue). One query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Figures figures(Collection<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    return repo.figures(units, from, to, day);
  }

  // ------------------------------------------------------------------ rules

  /**
   * The commune-level units of year {@code y} matching the selection and the roots, in id order:
   * only the subtree of the selected unit (or of the roots) is read, kept per tree revision by
   * {@link OrgUnitService#subtreeOfKinds}.
   */
  private List<OrgUnitService.UnitOnDay> communes(
      int y, LocalDate day, UUID unitId, OrgUnitMode mode, UUID[] roots) {
    List<OrgUnitService.UnitOnDay> under =
        units.subtreeOfKinds(
            unitId != null ? List.of(unitId) : roots != null ? List.of(roots) : null,
            COMMUNE,
            unitDay(y, day));
    if (unitId == null) {
      // the roots are the anchors: every unit read lies below one of them
      return under;
    }
    List<OrgUnitService.UnitOnDay> out = new ArrayList<>();
    for (OrgUnitService.UnitOnDay u : under) {
      if (inRoots(u.path(), roots) && selects(unitId, mode, u.id(), u.path())) {
        out.add(u);
      }
    }
    return out;
  }

  /** The day the units of year {@code y} are read on: {@code day} in its own year, else an end. */
  static LocalDate unitDay(int y, LocalDate day) {
    if (day.getYear() == y) {
      return day;
    }
    return y < day.getYear() ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
  }

  /** {@link vn.danvan.shared.persistence.UnitFilter}'s rule on a unit and its path, in Java. */
  static boolean selects(UUID selected, OrgUnitMode mode, UUID unit, List<UUID> path) {
    if (selected == null) {
      return true;
    }
    return switch (mode == null ? OrgUnitMode.SELECTED : mode) {
      case SELECTED -> unit.equals(selected);
      case DESCENDANTS -> path.contains(selected);
      case CHILDREN ->
          unit.equals(selected) || path.size() >= 2 && path.get(path.size() - 2).equals(selected);
    };
  }

  static boolean inRoots(List<UUID> path, UUID[] roots) {
    if (roots == null) {
      return true;
    }
    for (UUID r : roots) {
      if (path.contains(r)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inRoots(UUID[] path, UUID[] roots) {
    return inRoots(List.of(path), roots);
  }

  /** 422 when the selected unit of a filter does not exist or lies outside the scope. */
  private void requireSelectedUnit(UUID unitId, OrgUnitMode mode) {
    if (unitId == null && mode != null) {
      throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
    }
    if (unitId != null && (!units.exists(unitId) || !scope.contains(unitId))) {
      throw ApiException.unknownUnit("/query/orgUnitId");
    }
  }

  /**
   * The unit's path on {@code day}: 422 UNKNOWN_UNIT when it does not exist then or lies outside
   * the caller's scope; 400 when it is not a commune-level unit.
   */
  private UUID[] communePath(UUID unitId, LocalDate day) {
    OrgUnitResponse u = units.find(unitId, day).filter(OrgUnitResponse::active).orElse(null);
    if (u == null || !scope.contains(unitId)) {
      throw ApiException.unknownUnit("/orgUnitId");
    }
    if (u.kind() != OrgUnitKind.COMMUNE) {
      throw ApiException.invalid("/orgUnitId", "field.DIALOGUE_UNIT_NOT_COMMUNE");
    }
    return u.path().toArray(UUID[]::new);
  }

  /** The tasks, each readable by the caller; 422 UNKNOWN_TASK at the first that is not. */
  private List<UUID> readableTasks(List<UUID> ids) {
    if (ids == null) {
      return List.of();
    }
    List<UUID> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      UUID id = ids.get(i);
      if (out.contains(id)) {
        continue;
      }
      try {
        tasks.get(id);
      } catch (ApiException e) {
        if (e.status() != 404) {
          throw e;
        }
        throw new ApiException(
            422, "UNKNOWN_TASK", List.of(FieldError.of("/taskIds/" + i, "field.UNKNOWN_TASK")));
      }
      out.add(id);
    }
    return out;
  }

  private void apply(Dialogue d, DialogueRequest req, UUID[] path, List<UUID> taskIds) {
    d.unitId = req.orgUnitId();
    d.unitPath = path;
    d.topic = req.topic().strip();
    d.description = trim(req.description());
    d.kind = req.kind();
    d.plannedDate = req.plannedDate();
    d.taskIds = taskIds.toArray(UUID[]::new);
    d.note = trim(req.note());
    DialogueDeadlines rules = deadlines();
    d.announcementDue = rules.announcementDue(d.plannedDate);
    d.resultsDue = rules.resultsDue(d.resultsBase());
  }

  private static List<DialogueQuestion> cleaned(List<DialogueQuestion> questions) {
    List<DialogueQuestion> out = new ArrayList<>();
    for (DialogueQuestion q : questions) {
      out.add(
          new DialogueQuestion(
              q.question().strip(),
              trim(q.answer()),
              q.answeredByRole(),
              trim(q.answeredByTitle())));
    }
    return out;
  }

  DialogueDeadlines deadlines() {
    return config.deadlines(calendar.snapshot());
  }

  private Dialogue visible(UUID id) {
    Dialogue d = repo.find(id);
    if (d == null || !inRoots(d.unitPath, scope.rootsOrAll())) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return d;
  }

  private LocalDate today() {
    return BusinessTime.today(clock);
  }

  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
