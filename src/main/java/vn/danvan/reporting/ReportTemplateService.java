package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
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
import vn.danvan.shared.time.BusinessTime;

/**
 * Report templates and their versions. Every authenticated role reads every template; admins and
 * unit managers write those whose owner unit lies in their scope (templates without an owner:
 * admins only). The latest version is a draft, edited in place, or published and frozen; a change
 * after publication is a new version, and publishing it supersedes the one before.
 */
@ApplicationScoped
public class ReportTemplateService {

  public static final String ENTITY = "REPORT_TEMPLATE";
  private static final String ENTITY_LABEL = "entity.REPORT_TEMPLATE";
  private static final Logger LOG = Logger.getLogger(ReportTemplateService.class);

  @Inject ReportTemplateRepository repo;
  @Inject ReportTemplateValidator validator;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject EntityManager em;

  // ------------------------------------------------------------------ reads

  /** One page of the templates matching {@code query}, by code. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ReportTemplateResponse> list(ReportTemplateQuery query, PageRequest page) {
    if (query.ownerUnitId() == null && query.orgUnitMode() != null) {
      throw ApiException.invalid("/query/ownerUnitId", "field.REQUIRED");
    }
    String tag = Cursor.tag("report-templates", query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.TEXT);
    List<ReportTemplateRow> rows =
        repo.page(query, keys == null ? null : keys.text(0), page.fetchSize());
    return Page.of(
        rows, page.limit(), ReportTemplateResponse::listItem, r -> Cursor.encode(tag, r.code()));
  }

  /** The template with its latest version and the summary of every version. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportTemplateResponse get(UUID id) {
    return response(require(id));
  }

  /**
   * The templates among {@code ids}, each as {@link #get} answers it (every role reads every
   * template): the rows and their versions read in two queries.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, ReportTemplateResponse> readable(Collection<UUID> ids) {
    Set<UUID> wanted = new LinkedHashSet<>(ids);
    List<ReportTemplate> rows = repo.findAll(wanted);
    Map<UUID, List<ReportTemplateVersion>> versions = new HashMap<>();
    for (ReportTemplateVersion v : repo.versionsOf(wanted)) {
      versions.computeIfAbsent(v.templateId, k -> new ArrayList<>()).add(v);
    }
    Map<UUID, ReportTemplateResponse> out = new LinkedHashMap<>();
    for (ReportTemplate t : rows) {
      List<ReportTemplateVersion> of = versions.getOrDefault(t.id, List.of());
      of.stream()
          .filter(v -> v.number == t.latestNumber)
          .findFirst()
          .ifPresent(latest -> out.put(t.id, ReportTemplateResponse.of(t, latest, of)));
    }
    return out;
  }

  /** One version of the template, as it was published (or as the draft stands). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportTemplateVersionResponse version(UUID id, int number) {
    ReportTemplate t = require(id);
    ReportTemplateVersion v = repo.version(id, number);
    if (v == null) {
      throw ApiException.notFound("entity.REPORT_TEMPLATE_VERSION");
    }
    return ReportTemplateVersionResponse.of(t, v);
  }

  /** Whether the template exists: one primary-key lookup (the demo data's check). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return repo.find(id) != null;
  }

  /** Whether version {@code number} of the template exists and is the published one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  boolean isPublished(UUID id, int number) {
    ReportTemplateVersion v = repo.version(id, number);
    return v != null && v.status == ReportTemplateStatus.PUBLISHED;
  }

  /**
   * The sections of version {@code number} of the template (empty when there is no such version).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  List<TemplateSection> sections(UUID id, int number) {
    ReportTemplateVersion v = repo.version(id, number);
    return v == null ? List.of() : List.copyOf(v.sections);
  }

  // ------------------------------------------------------------------ writes

  @Transactional
  public ReportTemplateResponse create(ReportTemplateRequest req) {
    return create(UUID.randomUUID(), req);
  }

  /** Creates a template, its version 1 a draft, under a given id (the demo's is well known). */
  @Transactional
  public ReportTemplateResponse create(UUID id, ReportTemplateRequest req) {
    requireWriterRole();
    ReportTemplateRequest r = validator.validate(req);
    UUID[] path = ownerPath(r.ownerUnitId());
    requireFreeCode(r.code(), id);
    Instant now = Instant.now(clock);
    ReportTemplate t = new ReportTemplate();
    t.id = id;
    t.createdAt = now;
    t.latestNumber = 1;
    t.status = ReportTemplateStatus.DRAFT;
    applyTemplate(t, r, path, now);
    t.persist();
    ReportTemplateVersion v = newVersion(t, 1, now);
    applyVersion(v, r, now);
    v.persist();
    em.flush();
    ReportTemplateResponse response = response(t);
    audit.created(ENTITY, t.id, t.ownerUnitId, t.version, response);
    LOG.infof("Report template %s (%s) created", t.id, t.code);
    return response;
  }

  /** Edits the draft (the latest version); 409 when the latest is published. */
  @Transactional
  public ReportTemplateResponse update(UUID id, long expectedVersion, ReportTemplateRequest req) {
    ReportTemplate t = requireWritable(id);
    ETags.check(expectedVersion, t.version);
    ReportTemplateVersion latest = repo.version(id, t.latestNumber);
    if (latest.status != ReportTemplateStatus.DRAFT) {
      throw ApiException.conflict("REPORT_TEMPLATE_PUBLISHED", latest.number);
    }
    ReportTemplateRequest r = validator.validate(req);
    UUID[] path = changedOwnerPath(t, r.ownerUnitId());
    requireFreeCode(r.code(), id);
    ReportTemplateResponse before = response(t);
    Instant now = Instant.now(clock);
    applyTemplate(t, r, path, now);
    applyVersion(latest, r, now);
    em.flush();
    ReportTemplateResponse after = response(t);
    audit.updated(ENTITY, t.id, t.ownerUnitId, t.version, before, after);
    return after;
  }

  /** A new draft version after a published one, with the content given. */
  @Transactional
  public ReportTemplateResponse addVersion(
      UUID id, long expectedVersion, ReportTemplateRequest req) {
    ReportTemplate t = requireWritable(id);
    ETags.check(expectedVersion, t.version);
    ReportTemplateVersion latest = repo.version(id, t.latestNumber);
    if (latest.status == ReportTemplateStatus.DRAFT) {
      throw ApiException.conflict("REPORT_TEMPLATE_DRAFT_OPEN", latest.number);
    }
    ReportTemplateRequest r = validator.validate(req);
    UUID[] path = changedOwnerPath(t, r.ownerUnitId());
    requireFreeCode(r.code(), id);
    ReportTemplateResponse before = response(t);
    Instant now = Instant.now(clock);
    ReportTemplateVersion v = newVersion(t, latest.number + 1, now);
    applyVersion(v, r, now);
    v.persist();
    t.latestNumber = v.number;
    t.status = ReportTemplateStatus.DRAFT;
    applyTemplate(t, r, path, now);
    em.flush();
    ReportTemplateResponse after = response(t);
    audit.action(
        "REPORT_TEMPLATE_NEW_VERSION", ENTITY, t.id, t.ownerUnitId, t.version, before, after, null);
    LOG.infof("Report template %s: version %d drafted", t.id, v.number);
    return after;
  }

  /**
   * {@code PUBLISH} freezes the draft; the version published before it becomes superseded (reports
   * made on it keep it).
   */
  @Transactional
  public ReportTemplateResponse transition(
      UUID id, long expectedVersion, TemplateTransitionRequest req) {
    ReportTemplate t = requireWritable(id);
    ETags.check(expectedVersion, t.version);
    ReportTemplateVersion latest = repo.version(id, t.latestNumber);
    ReportTemplateStatus next = latest.status.after(req.action());
    if (next == null) {
      throw ApiException.illegalTransition(ENTITY_LABEL, t.status, req.action());
    }
    ReportTemplateResponse before = response(t);
    Instant now = Instant.now(clock);
    for (ReportTemplateVersion v : repo.versions(id)) {
      if (v.status == ReportTemplateStatus.PUBLISHED) {
        v.status = ReportTemplateStatus.SUPERSEDED;
        v.updatedAt = now;
      }
    }
    latest.publish(now);
    t.status = next;
    t.updatedAt = now;
    em.flush();
    ReportTemplateResponse after = response(t);
    audit.action(
        "REPORT_TEMPLATE_" + req.action().name(),
        ENTITY,
        t.id,
        t.ownerUnitId,
        t.version,
        before,
        after,
        blankToNull(req.reason()));
    LOG.infof("Report template %s: version %d published", t.id, latest.number);
    return after;
  }

  // ------------------------------------------------------------------ rules

  private ReportTemplate require(UUID id) {
    ReportTemplate t = repo.find(id);
    if (t == null) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return t;
  }

  /**
   * The template, when the caller may write it: readable by everyone, so a template of another
   * province answers 403, not 404.
   */
  private ReportTemplate requireWritable(UUID id) {
    requireWriterRole();
    ReportTemplate t = require(id);
    boolean allowed = t.ownerUnitId == null ? user.isAdmin() : scope.contains(t.ownerUnitId);
    if (!allowed) {
      throw ApiException.forbidden();
    }
    return t;
  }

  private void requireWriterRole() {
    if (!user.isAdmin() && !user.hasRole(Roles.UNIT_MANAGER)) {
      throw ApiException.forbidden();
    }
  }

  /**
   * The path of the owner unit named in a body: it must exist today and lie in the caller's scope
   * (422 otherwise); no owner is for admins only (400 for others).
   */
  private UUID[] ownerPath(UUID ownerUnitId) {
    if (ownerUnitId == null) {
      if (!user.isAdmin()) {
        throw ApiException.invalid("/ownerUnitId", "field.OWNER_REQUIRED");
      }
      return null;
    }
    Optional<OrgUnitResponse> unit = units.find(ownerUnitId, BusinessTime.today(clock));
    if (unit.isEmpty() || !unit.get().active() || !scope.contains(ownerUnitId)) {
      throw ApiException.unknownUnit("/ownerUnitId");
    }
    return unit.get().path().toArray(UUID[]::new);
  }

  /** The owner's path when the body names another owner; the current one otherwise. */
  private UUID[] changedOwnerPath(ReportTemplate t, UUID ownerUnitId) {
    if (java.util.Objects.equals(ownerUnitId, t.ownerUnitId)) {
      return t.ownerUnitPath;
    }
    return ownerPath(ownerUnitId);
  }

  private void requireFreeCode(String code, UUID id) {
    if (repo.codeTaken(code, id)) {
      throw new ApiException(
          409,
          "REPORT_TEMPLATE_CODE_TAKEN",
          List.of(FieldError.of("/code", "field.CODE_TAKEN")),
          code);
    }
  }

  private static void applyTemplate(
      ReportTemplate t, ReportTemplateRequest r, UUID[] path, Instant now) {
    t.code = r.code();
    t.name = r.name();
    t.ownerUnitId = r.ownerUnitId();
    t.ownerUnitPath = path;
    t.updatedAt = now;
  }

  private static ReportTemplateVersion newVersion(ReportTemplate t, int number, Instant now) {
    ReportTemplateVersion v = new ReportTemplateVersion();
    v.id = UUID.randomUUID();
    v.templateId = t.id;
    v.number = number;
    v.status = ReportTemplateStatus.DRAFT;
    v.createdAt = now;
    return v;
  }

  private static void applyVersion(ReportTemplateVersion v, ReportTemplateRequest r, Instant now) {
    v.name = r.name();
    v.nameEn = r.nameEn();
    v.description = r.description();
    v.sections = new ArrayList<>(r.sections());
    v.updatedAt = now;
  }

  private ReportTemplateResponse response(ReportTemplate t) {
    List<ReportTemplateVersion> versions = repo.versions(t.id);
    ReportTemplateVersion latest =
        versions.stream().filter(v -> v.number == t.latestNumber).findFirst().orElseThrow();
    return ReportTemplateResponse.of(t, latest, versions);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
