package vn.danvan.reception;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.attachment.AttachmentContent;
import vn.danvan.shared.attachment.AttachmentResponse;
import vn.danvan.shared.attachment.AttachmentStore;
import vn.danvan.shared.attachment.AttachmentUpload;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.crypto.PersonalDataCipher;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.source.Upserted;
import vn.danvan.shared.time.BusinessTime;

/**
 * The reception book: visits and the personal data they carry. Visitors are encrypted before they
 * reach the database, a denouncer's identity apart from the visit, ID numbers findable only by
 * keyed hash. What a caller sees of a visitor depends on its role (see {@link ReceptionAccess});
 * what is written elsewhere — audit, change feed, idempotent replays, logs — never holds any of it.
 */
@ApplicationScoped
public class ReceptionVisitService {

  /** The most people one visit may count. */
  static final int MAX_GROUP_SIZE = 100_000;

  public static final String ENTITY = "RECEPTION_VISIT";
  static final String ENTITY_LABEL = "entity.RECEPTION_VISIT";
  static final String ID_HASH_PURPOSE = "reception.id-number";
  private static final Logger LOG = Logger.getLogger(ReceptionVisitService.class);
  private static final TypeReference<List<Visitor>> VISITORS = new TypeReference<>() {};

  @Inject ReceptionRepository repo;
  @Inject ReceptionAccess access;
  @Inject ReceptionSessionService sessions;
  @Inject OrgUnitService units;
  @Inject AuditTrail audit;
  @Inject SourceWrites writes;
  @Inject CurrentUser user;
  @Inject PersonalDataCipher cipher;
  @Inject AttachmentStore attachments;
  @Inject ObjectMapper mapper;
  @Inject Clock clock;
  @Inject EntityManager em;

  /** How much of the visitors a response carries. */
  enum View {
    FULL,
    MASKED,
    NONE
  }

  // ------------------------------------------------------------------ reads

  @Transactional(Transactional.TxType.SUPPORTS)
  public VisitResponse get(UUID id) {
    ReceptionVisit v = visible(id);
    return response(v, callerView());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<VisitResponse> list(VisitQuery q, PageRequest page) {
    String list = Cursor.tag("reception-visits", q);
    Cursor.Keys keys = page.keys(list, Cursor.KeyType.INSTANT, Cursor.KeyType.UUID);
    List<ReceptionVisit> rows =
        repo.visits(
            q,
            access.roots(),
            keys == null ? null : keys.instant(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize());
    View view = callerView();
    return Page.of(
        rows, page.limit(), v -> response(v, view), v -> Cursor.encode(list, v.receivedAt, v.id));
  }

  /** The rows of a list in book order, for the export (same scope and filters as the list). */
  List<ReceptionVisit> rows(VisitQuery q, int max) {
    return repo.visits(q, access.roots(), null, null, max);
  }

  /**
   * A denouncer's identity, for a denunciation handler in scope, on a stated reason. Every read is
   * audited (who, when, why) before the identity leaves the service.
   */
  @Transactional
  public ProtectedIdentityResponse protectedIdentity(UUID id, String reason) {
    String why = reason == null ? null : reason.strip();
    if (why == null || why.length() < 2 || why.length() > 500) {
      throw ApiException.invalid("/reason", "field.REASON_REQUIRED");
    }
    ReceptionVisit v = visible(id);
    if (!v.protectedIdentity()) {
      throw ApiException.conflict("NOT_A_DENUNCIATION");
    }
    audit.accessed("PROTECTED_IDENTITY_READ", ENTITY, v.id, v.unitId, why);
    LOG.infof("Protected identity of visit %s read", v.id);
    if (v.personalDataErasedAt != null) {
      return new ProtectedIdentityResponse(v.id, v.anonymous, true, List.of());
    }
    byte[] data = repo.protectedIdentity(v.id);
    List<Visitor> visitors = data == null ? List.of() : decode(data, protectedContext(v.id));
    return new ProtectedIdentityResponse(v.id, v.anonymous, false, visitors);
  }

  // ------------------------------------------------------------------ documents received

  /** Stores a document the citizen handed in (file name and description not kept). */
  @Transactional
  public AttachmentResponse addDocument(UUID id, AttachmentUpload upload) {
    ReceptionVisit v = visible(id);
    if (v.personalDataErasedAt != null) {
      throw ApiException.conflict("PERSONAL_DATA_ERASED");
    }
    return attachments.store(ENTITY, v.id, v.unitId, NeutralUpload.of(upload));
  }

  /**
   * The documents of a visit: for the roles that see visitors in full; a denunciation's documents
   * (they may show the denouncer's handwriting) only for its handler, with a reason, audited.
   */
  @Transactional
  public List<AttachmentResponse> documents(UUID id, String reason) {
    ReceptionVisit v = documentsReadable(id, reason, null);
    return attachments.list(ENTITY, v.id);
  }

  @Transactional
  public AttachmentContent document(UUID id, UUID attachmentId, String reason) {
    ReceptionVisit v = documentsReadable(id, reason, attachmentId);
    return attachments.content(ENTITY, v.id, attachmentId);
  }

  private ReceptionVisit documentsReadable(UUID id, String reason, UUID attachmentId) {
    ReceptionVisit v = visible(id);
    if (!access.fullView()) {
      throw ApiException.forbidden();
    }
    if (v.protectedIdentity()) {
      if (!access.denunciationHandler()) {
        throw ApiException.forbidden();
      }
      String why = reason == null ? null : reason.strip();
      if (why == null || why.length() < 2 || why.length() > 500) {
        throw ApiException.invalid("/reason", "field.REASON_REQUIRED");
      }
      audit.accessed(
          attachmentId == null ? "PROTECTED_DOCUMENTS_LISTED" : "PROTECTED_DOCUMENT_READ",
          ENTITY,
          v.id,
          v.unitId,
          why);
    }
    return v;
  }

  // ------------------------------------------------------------------ writes

  @Transactional
  public VisitResponse create(VisitRequest req) {
    return insert(UUID.randomUUID(), SourceFields.forNew(writes.claim(incoming(req))), req);
  }

  /**
   * {@code PUT /{id}}: creates the visit under a client-chosen id or replaces it (DESIGN §9, {@link
   * SourceWrites}); out of scope: 404. The answer never echoes personal data.
   */
  @Transactional
  Upserted<VisitResponse> upsert(UUID id, Preconditions pre, VisitRequest req) {
    return upsert(ReceptionVisit.findById(id), id, pre, incoming(req), req);
  }

  /** {@code PUT /by-source/{sourceSystem}/{sourceId}}: the same, keyed by the source key. */
  @Transactional
  Upserted<VisitResponse> upsertBySource(SourceKey key, Preconditions pre, VisitRequest req) {
    Provenance in = SourceFields.underPath(incoming(req), key);
    return upsert(repo.bySource(ReceptionVisit.class, key), UUID.randomUUID(), pre, in, req);
  }

  /** The upsert of a visit already looked up ({@code current}, null when missing). */
  Upserted<VisitResponse> upsert(
      ReceptionVisit current, UUID newId, Preconditions pre, Provenance in, VisitRequest req) {
    if (current == null) {
      Provenance p = SourceFields.forNew(writes.create(pre, in, ENTITY_LABEL));
      return new Upserted<>(UpsertOutcome.CREATED, insert(newId, p, req));
    }
    if (!access.contains(current.unitPath)) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return replace(current, pre, in, req);
  }

  private VisitResponse insert(UUID id, Provenance provenance, VisitRequest req) {
    ReceptionVisit v = new ReceptionVisit();
    v.id = id;
    v.createdAt = Instant.now(clock);
    List<Visitor> visitors =
        apply(v, req, req.visitors() == null ? List.of() : req.visitors(), true);
    v.provenance(provenance);
    v.updatedAt = v.createdAt;
    storeVisitors(v, visitors);
    v.persist();
    em.flush();
    writeSideData(v, visitors);
    audit.created(ENTITY, v.id, v.unitId, v.version, response(v, View.NONE));
    LOG.infof("Reception visit %s created", v.id);
    // the answer of a write (also kept for idempotent replays) never echoes personal data
    return response(v, View.MASKED);
  }

  /**
   * Replaces a visit in scope. Visitors absent from the request keep the stored ones. Whether the
   * request changes nothing is decided in memory against the decrypted visitors, and only where the
   * caller could know them anyway (see {@link #mayCompareVisitors}): elsewhere a request that
   * carries visitors counts as a change, so the answer (200 unchanged or 428/412) never tells a
   * caller whether a guessed identity is the stored one.
   */
  private Upserted<VisitResponse> replace(
      ReceptionVisit v, Preconditions pre, Provenance in, VisitRequest req) {
    boolean replaced = req.visitors() != null;
    boolean erased = v.personalDataErasedAt != null;
    if (erased && replaced && !req.visitors().isEmpty()) {
      throw ApiException.conflict("PERSONAL_DATA_ERASED");
    }
    List<Visitor> stored = storedVisitors(v);
    ReceptionVisit probe = new ReceptionVisit();
    probe.id = v.id;
    List<Visitor> visitors =
        apply(probe, req, erased ? List.of() : replaced ? req.visitors() : stored, !erased);
    Provenance current = v.provenance();
    boolean same =
        sameContent(v, probe)
            && (!replaced || erased || mayCompareVisitors(v, current) && visitors.equals(stored));
    UpsertOutcome outcome = writes.replace(v.version, current, pre, in, same);
    if (outcome == UpsertOutcome.UNCHANGED) {
      return new Upserted<>(outcome, response(v, View.MASKED));
    }
    if (v.contentKind == ContentKind.DENUNCIATION
        && req.contentKind() != ContentKind.DENUNCIATION) {
      throw ApiException.conflict("DENUNCIATION_KIND_FIXED");
    }
    VisitResponse before = response(v, View.NONE);
    boolean wasProtected = v.protectedIdentity();
    copyContent(probe, v);
    v.provenance(SourceWrites.merged(current, in));
    v.updatedAt = Instant.now(clock);
    if (!erased) {
      if (wasProtected) {
        repo.deleteProtectedIdentity(v.id);
      }
      storeVisitors(v, visitors);
    }
    em.flush();
    if (!erased) {
      writeSideData(v, visitors);
    }
    VisitResponse after = response(v, View.NONE);
    audit.updated(ENTITY, v.id, v.unitId, v.version, before, after);
    return new Upserted<>(outcome, response(v, View.MASKED));
  }

  /**
   * Whether the caller may learn if the stored visitors equal the ones it sends: the source system
   * that owns the visit (it pushed them), or, except for a denouncer, a role that reads visitors in
   * full. A denouncer's identity is compared for nobody else: not even the handler, who reads it
   * only through the audited request.
   */
  private boolean mayCompareVisitors(ReceptionVisit v, Provenance current) {
    if (current.owned() && user.sourceSystem().map(current.sourceSystem()::equals).orElse(false)) {
      return true;
    }
    return !v.protectedIdentity() && access.fullView();
  }

  private static boolean sameContent(ReceptionVisit a, ReceptionVisit b) {
    return Objects.equals(a.sessionId, b.sessionId)
        && Objects.equals(a.unitId, b.unitId)
        && Objects.equals(a.receivedAt, b.receivedAt)
        && a.contentKind == b.contentKind
        && a.field == b.field
        && Objects.equals(a.summary, b.summary)
        && a.groupSize == b.groupSize
        && a.representatives == b.representatives
        && a.anonymous == b.anonymous
        && Objects.equals(a.previouslyHandledBy, b.previouslyHandledBy)
        && a.outcome == b.outcome
        && Objects.equals(a.transferTarget, b.transferTarget)
        && Objects.equals(a.refusalReason, b.refusalReason)
        && Objects.equals(a.followUp, b.followUp)
        && Objects.equals(a.caseId, b.caseId);
  }

  /** The fields {@link #apply} sets, from a checked probe onto the stored visit. */
  private static void copyContent(ReceptionVisit from, ReceptionVisit to) {
    to.unitPath = from.unitPath;
    to.unitId = from.unitId;
    to.sessionId = from.sessionId;
    to.receivedAt = from.receivedAt;
    to.receivedDate = from.receivedDate;
    to.contentKind = from.contentKind;
    to.field = from.field;
    to.summary = from.summary;
    to.groupSize = from.groupSize;
    to.representatives = from.representatives;
    to.anonymous = from.anonymous;
    to.previouslyHandledBy = from.previouslyHandledBy;
    to.outcome = from.outcome;
    to.transferTarget = from.transferTarget;
    to.refusalReason = from.refusalReason;
    to.followUp = from.followUp;
    to.caseId = from.caseId;
  }

  static Provenance incoming(VisitRequest req) {
    return SourceFields.incoming(
        req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt());
  }

  /**
   * The visits among {@code ids} the caller may read, as GET answers them (one query; masked by
   * role, a denouncer never).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  Map<UUID, Object> readable(List<UUID> ids) {
    View view = callerView();
    Map<UUID, Object> out = new HashMap<>();
    for (ReceptionVisit v : repo.visits(ids)) {
      if (access.contains(v.unitPath)) {
        out.put(v.id, response(v, view));
      }
    }
    return out;
  }

  /** Validates the request against the visit's rules and copies it; returns the visitors. */
  private List<Visitor> apply(
      ReceptionVisit v, VisitRequest req, List<Visitor> rawVisitors, boolean checkVisitors) {
    List<FieldError> errors = new ArrayList<>();
    boolean anonymous = Boolean.TRUE.equals(req.anonymous());
    List<Visitor> visitors = PersonalData.validate(rawVisitors, "/visitors", errors);
    if (anonymous && (req.contentKind() != ContentKind.DENUNCIATION || !visitors.isEmpty())) {
      errors.add(FieldError.of("/anonymous", "field.ANONYMOUS_ONLY_DENUNCIATION"));
    }
    if (checkVisitors && !anonymous && visitors.isEmpty()) {
      errors.add(FieldError.of("/visitors", "field.VISITORS_REQUIRED"));
    }
    int groupSize = req.groupSize() == null ? Math.max(1, visitors.size()) : req.groupSize();
    int representatives = 0;
    if (groupSize < 1 || groupSize > MAX_GROUP_SIZE) {
      errors.add(FieldError.of("/groupSize", "field.GROUP_SIZE"));
    } else if (groupSize >= 5) {
      representatives = (int) visitors.stream().filter(Visitor::isRepresentative).count();
      int max = groupSize <= 10 ? 2 : 5;
      if (checkVisitors && (representatives < 1 || representatives > max)) {
        errors.add(FieldError.of("/visitors", "field.GROUP_REPRESENTATIVES"));
      }
    } else if (visitors.size() > groupSize) {
      errors.add(FieldError.of("/visitors", "field.VISITORS_EXCEED_GROUP"));
    }
    String transferTarget = ReceptionSessionService.trim(req.transferTarget());
    String refusalReason = ReceptionSessionService.trim(req.refusalReason());
    if (req.outcome() == VisitOutcome.TRANSFERRED && transferTarget == null) {
      errors.add(FieldError.of("/transferTarget", "field.TRANSFER_TARGET_REQUIRED"));
    }
    if (req.outcome() == VisitOutcome.REFUSED && refusalReason == null) {
      errors.add(FieldError.of("/refusalReason", "field.REFUSAL_REASON_REQUIRED"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    LocalDate day = LocalDate.ofInstant(req.receivedAt().toInstant(), BusinessTime.ZONE);
    v.unitPath =
        ReceptionSessionService.unitPath(units, access, req.orgUnitId(), day, "/orgUnitId");
    v.unitId = req.orgUnitId();
    if (req.sessionId() != null && sessions.sessionOf(req.sessionId(), req.orgUnitId()) == null) {
      throw ApiException.invalid("/sessionId", "field.UNKNOWN_SESSION");
    }
    if (req.caseId() != null) {
      ReceptionCase c = ReceptionCase.findById(req.caseId());
      if (c == null || !access.contains(c.unitPath)) {
        throw ApiException.invalid("/caseId", "field.UNKNOWN_CASE");
      }
      if (c.kind != req.contentKind()) {
        throw ApiException.conflict("CASE_KIND_MISMATCH");
      }
    }
    v.sessionId = req.sessionId();
    v.receivedAt = req.receivedAt().toInstant();
    v.receivedDate = day;
    v.contentKind = req.contentKind();
    v.field = req.field();
    v.summary = req.summary().strip();
    v.groupSize = groupSize;
    v.representatives = representatives;
    v.anonymous = anonymous;
    v.previouslyHandledBy = ReceptionSessionService.trim(req.previouslyHandledBy());
    v.outcome = req.outcome();
    v.transferTarget = req.outcome() == VisitOutcome.TRANSFERRED ? transferTarget : null;
    v.refusalReason = req.outcome() == VisitOutcome.REFUSED ? refusalReason : null;
    v.followUp = ReceptionSessionService.trim(req.followUp());
    v.caseId = req.caseId();
    return visitors;
  }

  /** Non-denouncers on the row (encrypted); denouncers are written apart after the row. */
  private void storeVisitors(ReceptionVisit v, List<Visitor> visitors) {
    v.visitorData =
        v.protectedIdentity() || visitors.isEmpty()
            ? null
            : cipher.encrypt(encode(visitors), visitorContext(v.id));
  }

  private void writeSideData(ReceptionVisit v, List<Visitor> visitors) {
    if (v.protectedIdentity() && !visitors.isEmpty()) {
      repo.storeProtectedIdentity(
          v.id, cipher.encrypt(encode(visitors), protectedContext(v.id)), v.updatedAt);
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (Visitor p : visitors) {
      if (p.idNumber() != null) {
        ids.add(p.idNumber());
      }
    }
    List<byte[]> hashes = new ArrayList<>();
    for (String id : ids) {
      hashes.add(idHash(id));
    }
    repo.replaceHashes(v.id, hashes);
  }

  byte[] idHash(String idNumber) {
    return cipher.hmac(ID_HASH_PURPOSE, PersonalData.normalizeId(idNumber));
  }

  /** The visitors as stored (decrypted inside the service only). */
  List<Visitor> storedVisitors(ReceptionVisit v) {
    if (v.personalDataErasedAt != null) {
      return List.of();
    }
    if (v.protectedIdentity()) {
      byte[] data = repo.protectedIdentity(v.id);
      return data == null ? List.of() : decode(data, protectedContext(v.id));
    }
    return v.visitorData == null ? List.of() : decode(v.visitorData, visitorContext(v.id));
  }

  static String visitorContext(UUID id) {
    return "reception_visit:" + id + ":visitors";
  }

  static String protectedContext(UUID id) {
    return "reception_visit:" + id + ":protected-identity";
  }

  private String encode(List<Visitor> visitors) {
    try {
      return mapper.writeValueAsString(visitors);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Visitors not serializable");
    }
  }

  private List<Visitor> decode(byte[] data, String context) {
    try {
      return mapper.readValue(cipher.decrypt(data, context), VISITORS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored visitors unreadable");
    }
  }

  // ------------------------------------------------------------------ views

  View callerView() {
    return access.fullView() ? View.FULL : View.MASKED;
  }

  VisitResponse response(ReceptionVisit v, View view) {
    boolean erased = v.personalDataErasedAt != null;
    List<Visitor> visitors = List.of();
    boolean masked = view != View.FULL;
    if (!v.protectedIdentity() && !erased && view != View.NONE && v.visitorData != null) {
      List<Visitor> stored = decode(v.visitorData, visitorContext(v.id));
      visitors = view == View.FULL ? stored : stored.stream().map(PersonalData::mask).toList();
    }
    return new VisitResponse(
        v.id,
        v.sessionId,
        v.unitId,
        v.receivedAt,
        v.receivedDate,
        v.contentKind,
        v.field,
        v.summary,
        v.groupSize,
        v.representatives,
        v.groupSize >= 5,
        v.anonymous,
        v.protectedIdentity(),
        masked || v.protectedIdentity(),
        erased,
        visitors,
        v.previouslyHandledBy,
        v.outcome,
        v.transferTarget,
        v.refusalReason,
        v.followUp,
        v.caseId,
        v.sourceSystem,
        v.sourceId,
        v.sourceVersion,
        v.sourceUpdatedAt,
        v.createdAt,
        v.updatedAt,
        v.version);
  }

  ReceptionVisit visible(UUID id) {
    ReceptionVisit v = ReceptionVisit.findById(id);
    if (v == null || !access.contains(v.unitPath)) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return v;
  }
}
