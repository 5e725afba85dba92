package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.source.Upserted;
import vn.danvan.shared.time.BusinessCalendar;
import vn.danvan.shared.time.BusinessTime;

/** Cases (vụ việc): one matter across visits, its transitions and its legal deadlines. */
@ApplicationScoped
public class ReceptionCaseService {

  public static final String ENTITY = "RECEPTION_CASE";
  static final String ENTITY_LABEL = "entity.RECEPTION_CASE";
  static final double SIMILARITY = 0.35;
  private static final Logger LOG = Logger.getLogger(ReceptionCaseService.class);

  @Inject ReceptionRepository repo;
  @Inject ReceptionAccess access;
  @Inject ReceptionVisitService visits;
  @Inject OrgUnitService units;
  @Inject AuditTrail audit;
  @Inject SourceWrites writes;
  @Inject ReceptionConfig config;
  @Inject BusinessCalendar calendar;
  @Inject Clock clock;
  @Inject EntityManager em;

  @Transactional(Transactional.TxType.SUPPORTS)
  public CaseResponse get(UUID id) {
    return response(visible(id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DeadlineResponse> deadlines(UUID id) {
    return deadlines(visible(id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<CaseResponse> list(CaseQuery q, PageRequest page) {
    String list = Cursor.tag("cases", q);
    Cursor.Keys keys = page.keys(list, Cursor.KeyType.DATE, Cursor.KeyType.UUID);
    List<ReceptionCase> rows =
        repo.cases(
            q,
            BusinessTime.today(clock),
            access.roots(),
            keys == null ? null : keys.date(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize());
    return Page.of(
        rows, page.limit(), this::response, c -> Cursor.encode(list, c.receivedDate, c.id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<VisitResponse> visitsOf(UUID id, PageRequest page) {
    visible(id);
    return visits.list(VisitQuery.ofCase(id), page);
  }

  @Transactional
  public CaseResponse create(CaseRequest req) {
    return insert(UUID.randomUUID(), SourceFields.forNew(writes.claim(incoming(req))), req);
  }

  /**
   * {@code PUT /{id}}: creates the case under a client-chosen id or replaces what a replace may
   * change (see {@link #replace}); out of scope: 404.
   */
  @Transactional
  Upserted<CaseResponse> upsert(UUID id, Preconditions pre, CaseRequest req) {
    Provenance in = incoming(req);
    ReceptionCase c = ReceptionCase.findById(id);
    if (c == null) {
      return created(id, pre, in, req);
    }
    return replace(visible(c), pre, in, req);
  }

  /** {@code PUT /by-source/{sourceSystem}/{sourceId}}: the same, keyed by the source key. */
  @Transactional
  Upserted<CaseResponse> upsertBySource(SourceKey key, Preconditions pre, CaseRequest req) {
    Provenance in = SourceFields.underPath(incoming(req), key);
    ReceptionCase c = repo.bySource(ReceptionCase.class, key);
    if (c == null) {
      return created(UUID.randomUUID(), pre, in, req);
    }
    return replace(visible(c), pre, in, req);
  }

  private Upserted<CaseResponse> created(
      UUID id, Preconditions pre, Provenance in, CaseRequest req) {
    Provenance p = SourceFields.forNew(writes.create(pre, in, ENTITY_LABEL));
    return new Upserted<>(UpsertOutcome.CREATED, insert(id, p, req));
  }

  private CaseResponse insert(UUID id, Provenance provenance, CaseRequest req) {
    ReceptionCase c = new ReceptionCase();
    c.id = id;
    applyContent(
        c, req, req.receivedDate() == null ? BusinessTime.today(clock) : req.receivedDate());
    c.status = CaseStatus.RECEIVED;
    c.provenance(provenance);
    c.createdAt = Instant.now(clock);
    c.updatedAt = c.createdAt;
    recomputeDueDates(c);
    c.persist();
    em.flush();
    CaseResponse r = response(c);
    audit.created(ENTITY, c.id, c.unitId, c.version, r);
    LOG.infof("Reception case %s created", c.id);
    return r;
  }

  /**
   * Replaces what a case's request holds; its lifecycle (status, acceptance, extensions,
   * resolution, transfer, closing) changes only by transitions. The kind never changes (409 {@code
   * CASE_KIND_FIXED}: the case's visits and its law depend on it). The facts the legal deadlines
   * are computed from (unit, received date, instance, complexity, remote area) may be corrected
   * while the case is open (RECEIVED or ACCEPTED; deadlines recomputed), not once it is resolved,
   * closed or transferred (409 {@code CASE_FACTS_FIXED}); title, field and the other flags always.
   * An absent receivedDate keeps the stored one.
   */
  private Upserted<CaseResponse> replace(
      ReceptionCase c, Preconditions pre, Provenance in, CaseRequest req) {
    ReceptionCase probe = new ReceptionCase();
    applyContent(probe, req, req.receivedDate() == null ? c.receivedDate : req.receivedDate());
    Provenance current = c.provenance();
    boolean sameFacts = sameFacts(c, probe);
    boolean same = sameFacts && sameDescription(c, probe);
    UpsertOutcome outcome = writes.replace(c.version, current, pre, in, same);
    if (outcome == UpsertOutcome.UNCHANGED) {
      return new Upserted<>(outcome, response(c));
    }
    if (probe.kind != c.kind) {
      throw ApiException.conflict("CASE_KIND_FIXED");
    }
    if (!sameFacts) {
      if (c.status != CaseStatus.RECEIVED && c.status != CaseStatus.ACCEPTED) {
        throw ApiException.conflict("CASE_FACTS_FIXED", c.status.name());
      }
      if (c.acceptedDate != null && probe.receivedDate.isAfter(c.acceptedDate)) {
        throw ApiException.invalid("/receivedDate", "field.CASE_RECEIVED_AFTER_ACCEPTED");
      }
      if (c.extensions.size()
          > DeadlineRules.allowedExtensions(probe.kind, probe.complex, probe.veryComplex)) {
        throw ApiException.conflict("EXTENSION_NOT_ALLOWED");
      }
    }
    CaseResponse before = response(c);
    c.unitId = probe.unitId;
    c.unitPath = probe.unitPath;
    c.receivedDate = probe.receivedDate;
    c.instance = probe.instance;
    c.complex = probe.complex;
    c.veryComplex = probe.veryComplex;
    c.remoteArea = probe.remoteArea;
    c.field = probe.field;
    c.title = probe.title;
    c.complexProlonged = probe.complexProlonged;
    c.bypassingLevels = probe.bypassingLevels;
    c.group = probe.group;
    c.provenance(SourceWrites.merged(current, in));
    c.updatedAt = Instant.now(clock);
    recomputeDueDates(c);
    em.flush();
    CaseResponse after = response(c);
    audit.updated(ENTITY, c.id, c.unitId, c.version, before, after);
    return new Upserted<>(outcome, after);
  }

  /** Copies and checks the request's fields (not the lifecycle) onto {@code c}. */
  private void applyContent(ReceptionCase c, CaseRequest req, LocalDate receivedDate) {
    c.receivedDate = receivedDate;
    c.unitPath =
        ReceptionSessionService.unitPath(
            units, access, req.orgUnitId(), receivedDate, "/orgUnitId");
    c.unitId = req.orgUnitId();
    c.kind = req.kind();
    c.field = req.field();
    c.title = req.title().strip();
    c.instance = req.instance() == null ? CaseInstance.FIRST : req.instance();
    c.complex = Boolean.TRUE.equals(req.complex());
    c.veryComplex = Boolean.TRUE.equals(req.veryComplex());
    if (c.veryComplex && c.kind == ContentKind.DENUNCIATION) {
      c.complex = false;
    }
    c.remoteArea = Boolean.TRUE.equals(req.remoteArea());
    c.complexProlonged = Boolean.TRUE.equals(req.complexProlonged());
    c.bypassingLevels = Boolean.TRUE.equals(req.bypassingLevels());
    c.group = Boolean.TRUE.equals(req.group());
  }

  /** The same facts the legal deadlines are computed from (and the same competent unit). */
  private static boolean sameFacts(ReceptionCase a, ReceptionCase b) {
    return a.kind == b.kind
        && Objects.equals(a.unitId, b.unitId)
        && Objects.equals(a.receivedDate, b.receivedDate)
        && a.instance == b.instance
        && a.complex == b.complex
        && a.veryComplex == b.veryComplex
        && a.remoteArea == b.remoteArea;
  }

  private static boolean sameDescription(ReceptionCase a, ReceptionCase b) {
    return a.field == b.field
        && Objects.equals(a.title, b.title)
        && a.complexProlonged == b.complexProlonged
        && a.bypassingLevels == b.bypassingLevels
        && a.group == b.group;
  }

  private static Provenance incoming(CaseRequest req) {
    return SourceFields.incoming(
        req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt());
  }

  /**
   * The cases among {@code ids} the caller may read, as GET answers them (one query, the deadline
   * rules built once).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  Map<UUID, Object> readable(List<UUID> ids) {
    DeadlineRules rules = deadlineRules();
    Map<UUID, Object> out = new HashMap<>();
    for (ReceptionCase c : repo.cases(ids)) {
      if (access.contains(c.unitPath)) {
        out.put(c.id, response(c, rules));
      }
    }
    return out;
  }

  @Transactional
  public CaseResponse transition(UUID id, long expectedVersion, CaseTransitionRequest req) {
    ReceptionCase c = visible(id);
    Provenance provenance = c.provenance();
    // a pushed case's lifecycle is its source system's (or an admin's); an integration client
    // transitions only the cases its system pushed
    writes.requireOwner(provenance, c.version);
    if (access.integrationOnly() && !provenance.owned()) {
      throw ApiException.forbidden();
    }
    ETags.check(expectedVersion, c.version);
    CaseStatus next = c.status.after(req.action());
    if (next == null) {
      throw ApiException.illegalTransition(ENTITY_LABEL, c.status, req.action());
    }
    CaseResponse before = response(c);
    LocalDate day = req.date() == null ? BusinessTime.today(clock) : req.date();
    String decision = ReceptionSessionService.trim(req.decisionReference());
    switch (req.action()) {
      case ACCEPT -> c.acceptedDate = day;
      case EXTEND -> {
        if (decision == null) {
          throw ApiException.invalid("/decisionReference", "field.DECISION_REQUIRED");
        }
        int allowed = DeadlineRules.allowedExtensions(c.kind, c.complex, c.veryComplex);
        if (c.extensions.size() >= allowed) {
          throw ApiException.conflict("EXTENSION_NOT_ALLOWED");
        }
        List<ReceptionCase.Extension> ext = new ArrayList<>(c.extensions);
        ext.add(
            new ReceptionCase.Extension(
                decision, day.toString(), deadlineRules().rule("denunciation-extension").days()));
        c.extensions = ext;
      }
      case RESOLVE -> {
        if (decision == null) {
          throw ApiException.invalid("/decisionReference", "field.DECISION_REQUIRED");
        }
        c.resolvedDate = day;
        c.resolutionDecision = decision;
      }
      case CLOSE -> c.closedDate = day;
      case TRANSFER -> {
        String target = ReceptionSessionService.trim(req.transferredTo());
        if (target == null) {
          throw ApiException.invalid("/transferredTo", "field.TRANSFER_TARGET_REQUIRED");
        }
        c.transferredTo = target;
      }
      case REOPEN -> {
        c.resolvedDate = null;
        c.resolutionDecision = null;
        c.closedDate = null;
        if (c.acceptedDate == null) {
          c.acceptedDate = day;
        }
      }
    }
    c.status = next;
    c.updatedAt = Instant.now(clock);
    recomputeDueDates(c);
    em.flush();
    CaseResponse after = response(c);
    audit.action(
        "CASE_" + req.action().name(),
        ENTITY,
        c.id,
        c.unitId,
        c.version,
        before,
        after,
        ReceptionSessionService.trim(req.reason()));
    return after;
  }

  /**
   * Cases that may be the same matter as a visit: by the same person (exact ID match through the
   * keyed hash) and by similar content (trigram similarity of the accent-folded summaries), across
   * the caller's scope. Matches through a denunciation are offered only to denunciation handlers.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public DuplicateCandidatesResponse duplicates(UUID visitId) {
    ReceptionVisit v = visits.visible(visitId);
    UUID[] roots = access.roots();
    boolean handler = access.denunciationHandler();
    Map<UUID, List<DuplicateReason>> reasons = new LinkedHashMap<>();
    Map<UUID, Double> similarity = new HashMap<>();
    if (handler || v.contentKind != ContentKind.DENUNCIATION) {
      for (UUID caseId : repo.casesBySamePerson(v.id, repo.hashesOf(v.id), roots, handler, 20)) {
        reasons.computeIfAbsent(caseId, k -> new ArrayList<>()).add(DuplicateReason.SAME_PERSON);
      }
    }
    for (ReceptionRepository.SimilarCase s :
        repo.casesBySimilarContent(v.id, v.summary, roots, SIMILARITY, 20)) {
      reasons
          .computeIfAbsent(s.caseId(), k -> new ArrayList<>())
          .add(DuplicateReason.SIMILAR_CONTENT);
      similarity.put(s.caseId(), Math.round(s.similarity() * 100) / 100.0);
    }
    reasons.remove(v.caseId);
    Map<UUID, ReceptionCase> cases = new HashMap<>();
    repo.cases(List.copyOf(reasons.keySet())).forEach(c -> cases.put(c.id, c));
    List<DuplicateCandidate> out = new ArrayList<>();
    reasons.forEach(
        (id, why) -> {
          ReceptionCase c = cases.get(id);
          out.add(
              new DuplicateCandidate(
                  c.id,
                  c.title,
                  c.kind,
                  c.unitId,
                  c.status,
                  c.receivedDate,
                  List.copyOf(why),
                  similarity.get(id)));
        });
    return new DuplicateCandidatesResponse(out);
  }

  // ------------------------------------------------------------------ deadlines

  /** The configured deadline rules over the business calendar as of now. */
  DeadlineRules deadlineRules() {
    return config.deadlineRules(calendar.snapshot());
  }

  DeadlineRules.Facts facts(ReceptionCase c) {
    return new DeadlineRules.Facts(
        c.kind,
        c.instance,
        c.complex,
        c.veryComplex,
        c.remoteArea,
        c.receivedDate,
        c.acceptedDate,
        c.resolvedDate,
        c.extensions.size());
  }

  private void recomputeDueDates(ReceptionCase c) {
    recomputeDueDates(c, deadlineRules());
  }

  /** Stores the due dates of {@code c} under {@code rules}. */
  void recomputeDueDates(ReceptionCase c, DeadlineRules rules) {
    c.acceptanceDueDate = null;
    c.resolutionDueDate = null;
    for (DeadlineRules.Deadline d : rules.compute(facts(c), BusinessTime.today(clock))) {
      if (d.kind() == DeadlineKind.ACCEPTANCE) {
        c.acceptanceDueDate = d.dueDate();
      } else {
        c.resolutionDueDate = d.dueDate();
      }
    }
  }

  private List<DeadlineResponse> deadlines(ReceptionCase c) {
    return deadlines(c, deadlineRules());
  }

  private List<DeadlineResponse> deadlines(ReceptionCase c, DeadlineRules rules) {
    return rules.compute(facts(c), BusinessTime.today(clock)).stream()
        .map(DeadlineResponse::of)
        .toList();
  }

  CaseResponse response(ReceptionCase c) {
    return response(c, deadlineRules());
  }

  private CaseResponse response(ReceptionCase c, DeadlineRules rules) {
    return new CaseResponse(
        c.id,
        c.unitId,
        c.kind,
        c.field,
        c.title,
        c.instance,
        c.status,
        c.complex,
        c.veryComplex,
        c.remoteArea,
        c.complexProlonged,
        c.bypassingLevels,
        c.group,
        c.receivedDate,
        c.acceptedDate,
        c.resolvedDate,
        c.resolutionDecision,
        c.extensions.stream()
            .map(
                e ->
                    new CaseResponse.ExtensionResponse(
                        e.decisionReference(), LocalDate.parse(e.decisionDate()), e.days()))
            .toList(),
        c.transferredTo,
        c.closedDate,
        deadlines(c, rules),
        c.personalDataErasedAt != null,
        c.sourceSystem,
        c.sourceId,
        c.sourceVersion,
        c.sourceUpdatedAt,
        c.createdAt,
        c.updatedAt,
        c.version);
  }

  ReceptionCase visible(UUID id) {
    ReceptionCase c = ReceptionCase.findById(id);
    if (c == null) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return visible(c);
  }

  /** The case when in scope; 404 otherwise (its existence is not disclosed). */
  private ReceptionCase visible(ReceptionCase c) {
    if (!access.contains(c.unitPath)) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return c;
  }
}
