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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.source.Upserted;

/** Reception sessions (buổi tiếp): who received citizens, where and when. */
@ApplicationScoped
public class ReceptionSessionService {

  public static final String ENTITY = "RECEPTION_SESSION";
  static final String ENTITY_LABEL = "entity.RECEPTION_SESSION";
  private static final Logger LOG = Logger.getLogger(ReceptionSessionService.class);

  @Inject ReceptionRepository repo;
  @Inject ReceptionAccess access;
  @Inject OrgUnitService units;
  @Inject AuditTrail audit;
  @Inject SourceWrites writes;
  @Inject Clock clock;
  @Inject EntityManager em;

  @Transactional(Transactional.TxType.SUPPORTS)
  public SessionResponse get(UUID id) {
    return SessionResponse.of(visible(id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<SessionResponse> list(SessionQuery q, PageRequest page) {
    String list = Cursor.tag("reception-sessions", q);
    Cursor.Keys keys = page.keys(list, Cursor.KeyType.DATE, Cursor.KeyType.UUID);
    List<ReceptionSession> rows =
        repo.sessions(
            q,
            access.roots(),
            keys == null ? null : keys.date(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize());
    return Page.of(
        rows, page.limit(), SessionResponse::of, s -> Cursor.encode(list, s.sessionDate, s.id));
  }

  @Transactional
  public SessionResponse create(SessionRequest req) {
    return create(UUID.randomUUID(), req);
  }

  /** Creates a session under a given id (the demo reception book's marker has a well-known id). */
  @Transactional
  public SessionResponse create(UUID id, SessionRequest req) {
    return insert(id, SourceFields.forNew(writes.claim(incoming(req))), req);
  }

  /**
   * {@code PUT /{id}}: creates the session under a client-chosen id or replaces it (DESIGN §9,
   * {@link SourceWrites}); out of scope: 404.
   */
  @Transactional
  Upserted<SessionResponse> upsert(UUID id, Preconditions pre, SessionRequest req) {
    Provenance in = incoming(req);
    ReceptionSession s = ReceptionSession.findById(id);
    if (s == null) {
      return created(id, pre, in, req);
    }
    return replace(visible(s), pre, in, req);
  }

  /** {@code PUT /by-source/{sourceSystem}/{sourceId}}: the same, keyed by the source key. */
  @Transactional
  Upserted<SessionResponse> upsertBySource(SourceKey key, Preconditions pre, SessionRequest req) {
    Provenance in = SourceFields.underPath(incoming(req), key);
    ReceptionSession s = repo.bySource(ReceptionSession.class, key);
    if (s == null) {
      return created(UUID.randomUUID(), pre, in, req);
    }
    return replace(visible(s), pre, in, req);
  }

  private Upserted<SessionResponse> created(
      UUID id, Preconditions pre, Provenance in, SessionRequest req) {
    Provenance p = SourceFields.forNew(writes.create(pre, in, ENTITY_LABEL));
    return new Upserted<>(UpsertOutcome.CREATED, insert(id, p, req));
  }

  private SessionResponse insert(UUID id, Provenance provenance, SessionRequest req) {
    ReceptionSession s = new ReceptionSession();
    s.id = id;
    apply(s, req);
    s.provenance(provenance);
    s.createdAt = Instant.now(clock);
    s.updatedAt = s.createdAt;
    s.persist();
    em.flush();
    SessionResponse r = SessionResponse.of(s);
    audit.created(ENTITY, s.id, s.unitId, s.version, r);
    LOG.infof("Reception session %s created", s.id);
    return r;
  }

  private Upserted<SessionResponse> replace(
      ReceptionSession s, Preconditions pre, Provenance in, SessionRequest req) {
    ReceptionSession probe = new ReceptionSession();
    apply(probe, req);
    Provenance current = s.provenance();
    UpsertOutcome outcome = writes.replace(s.version, current, pre, in, sameContent(s, probe));
    if (outcome == UpsertOutcome.UNCHANGED) {
      return new Upserted<>(outcome, SessionResponse.of(s));
    }
    SessionResponse before = SessionResponse.of(s);
    apply(s, req);
    s.provenance(SourceWrites.merged(current, in));
    s.updatedAt = Instant.now(clock);
    em.flush();
    SessionResponse after = SessionResponse.of(s);
    audit.updated(ENTITY, s.id, s.unitId, s.version, before, after);
    return new Upserted<>(outcome, after);
  }

  private static boolean sameContent(ReceptionSession a, ReceptionSession b) {
    return Objects.equals(a.unitId, b.unitId)
        && a.kind == b.kind
        && Objects.equals(a.sessionDate, b.sessionDate)
        && Objects.equals(a.venue, b.venue)
        && Objects.equals(a.hostName, b.hostName)
        && Objects.equals(a.hostTitle, b.hostTitle)
        && a.hostRole == b.hostRole
        && Objects.equals(a.officials, b.officials)
        && Objects.equals(a.note, b.note);
  }

  private static Provenance incoming(SessionRequest req) {
    return SourceFields.incoming(
        req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt());
  }

  /** The sessions among {@code ids} the caller may read, as GET answers them (one query). */
  @Transactional(Transactional.TxType.SUPPORTS)
  Map<UUID, Object> readable(List<UUID> ids) {
    Map<UUID, Object> out = new HashMap<>();
    for (ReceptionSession s : repo.sessions(ids)) {
      if (access.contains(s.unitPath)) {
        out.put(s.id, SessionResponse.of(s));
      }
    }
    return out;
  }

  /** For visits: the session if it exists, is in scope and belongs to {@code unitId}. */
  ReceptionSession sessionOf(UUID sessionId, UUID unitId) {
    ReceptionSession s = ReceptionSession.findById(sessionId);
    if (s == null || !access.contains(s.unitPath) || !s.unitId.equals(unitId)) {
      return null;
    }
    return s;
  }

  private void apply(ReceptionSession s, SessionRequest req) {
    s.unitId = req.orgUnitId();
    s.unitPath =
        ReceptionSessionService.unitPath(
            units, access, req.orgUnitId(), req.sessionDate(), "/orgUnitId");
    s.kind = req.kind();
    s.sessionDate = req.sessionDate();
    s.venue = trim(req.venue());
    s.hostName = req.hostName().strip();
    s.hostTitle = trim(req.hostTitle());
    s.hostRole = req.hostRole();
    s.officials = req.officials() == null ? new ArrayList<>() : new ArrayList<>(req.officials());
    s.note = trim(req.note());
  }

  /**
   * The unit's path on {@code day}; 422 {@code UNKNOWN_UNIT} when the unit does not exist that day
   * or lies outside the caller's scope (a record of it would not be visible to the caller).
   */
  static UUID[] unitPath(
      OrgUnitService units, ReceptionAccess access, UUID unitId, LocalDate day, String pointer) {
    UUID[] path = units.find(unitId, day).map(u -> u.path().toArray(UUID[]::new)).orElse(null);
    if (path == null || !access.contains(path)) {
      throw ApiException.unknownUnit(pointer);
    }
    return path;
  }

  private ReceptionSession visible(UUID id) {
    ReceptionSession s = ReceptionSession.findById(id);
    if (s == null) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return visible(s);
  }

  /** The session when in scope; 404 otherwise (its existence is not disclosed). */
  private ReceptionSession visible(ReceptionSession s) {
    if (!access.contains(s.unitPath)) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return s;
  }

  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ------------------------------------------------------------------ for the demo data

  /** Whether the session exists, whatever the caller's scope: one primary-key lookup. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return ReceptionSession.findById(id) != null;
  }
}
