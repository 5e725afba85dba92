package vn.danvan.orgunit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessTime;

/**
 * The effective-dated tree of units: reads as of a day, corrections, and restructuring operations
 * that close and open versions without ever rewriting history. The public face of the feature.
 */
@ApplicationScoped
public class OrgUnitService {

  public static final String ENTITY = "ORG_UNIT";
  static final String RESTRUCTURING_ENTITY = "RESTRUCTURING";
  static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);
  private static final Logger LOG = Logger.getLogger(OrgUnitService.class);
  private static final String ENTITY_LABEL = "entity.ORG_UNIT";

  @Inject OrgUnitRepository repo;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject ObjectMapper mapper;
  @Inject Instance<RestructuringListener> listeners;

  public record ListFilter(
      String q, OrgUnitKind kind, UUID parentId, String code, LocalDate asOf) {}

  // ------------------------------------------------------------------ reads

  @Transactional
  public OrgUnitResponse get(UUID id, LocalDate asOf) {
    LocalDate day = dayOr(asOf);
    OrgUnit unit = visible(id);
    return OrgUnitResponse.of(unit, repo.displayVersion(id, day), day);
  }

  /** For other features: the unit as of {@code day} if it exists (no scope check). */
  @Transactional
  public Optional<OrgUnitResponse> find(UUID id, LocalDate day) {
    return repo.find(id).map(u -> OrgUnitResponse.of(u, repo.displayVersion(id, day), day));
  }

  /** For other features: the ids of the direct children of a kind valid on {@code day}. */
  @Transactional
  public List<UUID> childIdsOfKind(UUID parentId, OrgUnitKind kind, LocalDate day) {
    return repo.childrenOn(parentId, day).stream()
        .filter(v -> v.kind == kind)
        .map(v -> v.unitId)
        .sorted()
        .toList();
  }

  /** Every unit of {@code kind} in the subtree of {@code ancestorId}, valid on {@code day}. */
  @Transactional
  public List<UUID> descendantIdsOfKind(UUID ancestorId, OrgUnitKind kind, LocalDate day) {
    return repo.descendantIdsOfKindOn(ancestorId, kind, day);
  }

  @Transactional
  public Page<OrgUnitResponse> list(ListFilter filter, PageRequest page) {
    Map<String, Object> params = OrgUnitRepository.params();
    List<String> where = new ArrayList<>();
    if (filter.q() != null && !filter.q().isBlank()) {
      where.add(
          "danvan_fold(v.name || ' ' || coalesce(v.short_name, '') || ' ' || coalesce(v.code, ''))"
              + " like '%' || danvan_fold(:q) || '%' escape '\\'");
      params.put("q", escapeLike(filter.q().trim()));
    }
    if (filter.kind() != null) {
      where.add("v.kind = :kind");
      params.put("kind", filter.kind().name());
    }
    if (filter.parentId() != null) {
      where.add("v.parent_id = :parent");
      params.put("parent", filter.parentId());
    }
    if (filter.code() != null) {
      where.add("v.code = :code");
      params.put("code", filter.code());
    }
    return page("org-units", String.join(" and ", where), params, dayOr(filter.asOf()), page);
  }

  @Transactional
  public Page<OrgUnitResponse> children(UUID id, LocalDate asOf, PageRequest page) {
    visible(id);
    Map<String, Object> params = OrgUnitRepository.params();
    params.put("parent", id);
    return page("children", "v.parent_id = :parent", params, dayOr(asOf), page);
  }

  @Transactional
  public Page<OrgUnitResponse> descendants(
      UUID id, LocalDate asOf, OrgUnitKind kind, PageRequest page) {
    visible(id);
    Map<String, Object> params = OrgUnitRepository.params();
    params.put("root", id);
    String where = "v.path @> array[cast(:root as uuid)] and v.unit_id <> :root";
    if (kind != null) {
      where += " and v.kind = :kind";
      params.put("kind", kind.name());
    }
    return page("descendants", where, params, dayOr(asOf), page);
  }

  /**
   * The chain from the root down to the unit's parent, as of the day. Ancestors are shown even
   * above the caller's home unit: the names of superior bodies are not confidential.
   */
  @Transactional
  public Page<OrgUnitResponse> ancestors(UUID id, LocalDate asOf, PageRequest page) {
    LocalDate day = dayOr(asOf);
    visible(id);
    OrgUnitVersion v = repo.displayVersion(id, day);
    List<UUID> chain = Arrays.asList(v.path).subList(0, v.path.length - 1);
    int offset = 0;
    Cursor.Keys keys = page.keys("ancestors", Cursor.KeyType.INT);
    if (keys != null) {
      offset = keys.intValue(0);
    }
    List<UUID> slice =
        chain.subList(
            Math.min(offset, chain.size()), Math.min(offset + page.fetchSize(), chain.size()));
    Map<UUID, OrgUnit> units = repo.units(slice);
    List<OrgUnitResponse> rows = new ArrayList<>();
    for (UUID ancestor : slice) {
      rows.add(OrgUnitResponse.of(units.get(ancestor), repo.displayVersion(ancestor, day), day));
    }
    int start = offset;
    return Page.of(
        rows, page.limit(), r -> r, r -> Cursor.encode("ancestors", start + page.limit()));
  }

  @Transactional
  public LineageResponse lineage(UUID id) {
    visible(id);
    return new LineageResponse(
        id, edges(repo.lineage(id, true), true), edges(repo.lineage(id, false), false));
  }

  private List<LineageResponse.Edge> edges(
      List<OrgUnitRepository.LineageRow> rows, boolean predecessors) {
    Map<UUID, OrgUnit> units =
        repo.units(rows.stream().map(OrgUnitRepository.LineageRow::otherId).toList());
    return rows.stream()
        .map(
            r -> {
              // a predecessor as it was on its last day, a successor as it was on its first
              LocalDate day = predecessors ? r.effectiveDate().minusDays(1) : r.effectiveDate();
              OrgUnitVersion v = repo.displayVersion(r.otherId(), day);
              return new LineageResponse.Edge(
                  r.otherId(),
                  v.name,
                  v.code,
                  units.get(r.otherId()).kind,
                  r.kind(),
                  r.effectiveDate(),
                  r.restructuringId(),
                  r.legalBasis());
            })
        .toList();
  }

  private Page<OrgUnitResponse> page(
      String list, String where, Map<String, Object> params, LocalDate day, PageRequest page) {
    Optional<UUID> home = scope.restriction();
    if (home.isPresent()) {
      // the version shown must stand below a root of the caller's scope (GIN on path)
      where = (where.isBlank() ? "" : where + " and ") + "v.path && cast(:roots as uuid[])";
      params.put("roots", scope.roots());
    }
    Cursor.Keys keys = page.keys(list + ":" + day, Cursor.KeyType.TEXT, Cursor.KeyType.UUID);
    String afterName = keys == null ? null : keys.text(0);
    UUID afterId = keys == null ? null : keys.uuid(1);
    List<OrgUnitVersion> rows = repo.page(where, params, day, afterName, afterId, page.fetchSize());
    Map<UUID, OrgUnit> units = repo.units(rows.stream().map(v -> v.unitId).toList());
    return Page.of(
        rows,
        page.limit(),
        v -> OrgUnitResponse.of(units.get(v.unitId), v, day),
        v -> Cursor.encode(list + ":" + day, v.name, v.unitId));
  }

  // ------------------------------------------------------------------ corrections

  @Transactional
  public OrgUnitResponse create(CreateOrgUnitRequest req) {
    LocalDate from = req.validFrom() != null ? req.validFrom() : today();
    // Ids are global: a taken id would tell a restricted caller that a unit outside its scope
    // exists. Only admins (who see every unit) choose ids; the others get generated ones.
    if (req.id() != null && !user.isAdmin()) {
      throw new ApiException(403, "FORBIDDEN");
    }
    UUID id = req.id() != null ? req.id() : UUID.randomUUID();
    if (repo.find(id).isPresent()) {
      throw ApiException.conflict("ID_TAKEN");
    }
    OrgUnitVersion parent = null;
    if (req.parentId() == null) {
      if (!user.isAdmin() || req.kind() != OrgUnitKind.CENTRAL) {
        throw ApiException.invalid("/parentId", "field.REQUIRED");
      }
    } else {
      requireWritable(req.parentId(), "/parentId");
      parent =
          repo.versionOn(req.parentId(), from)
              .orElseThrow(() -> new ApiException(422, "PARENT_NOT_VALID"));
    }
    if (!user.isAdmin()
        && (req.kind() == OrgUnitKind.CENTRAL || req.kind() == OrgUnitKind.PROVINCE)) {
      throw new ApiException(403, "FORBIDDEN");
    }
    checkKind(parent, req.kind(), from);
    OrgUnit unit = newUnit(id, req.kind(), from);
    OrgUnitVersion version =
        newVersion(unit, parent, req.name(), req.shortName(), req.code(), from);
    em.flush();
    OrgUnitResponse response = OrgUnitResponse.of(unit, version, from);
    audit.created(ENTITY, id, id, unit.version, response);
    LOG.infof("Org unit %s created", id);
    return response;
  }

  @Transactional
  public OrgUnitResponse update(UUID id, long expectedVersion, UpdateOrgUnitRequest req) {
    OrgUnit unit = visible(id);
    requireWritable(id, null);
    requireCorrector(id);
    if (unit.version != expectedVersion) {
      throw new ApiException(412, "PRECONDITION_FAILED");
    }
    LocalDate day = today();
    OrgUnitVersion v = repo.displayVersion(id, day);
    OrgUnitResponse before = OrgUnitResponse.of(unit, v, day);
    v.name = req.name();
    v.shortName = req.shortName();
    v.code = req.code();
    unit.updatedAt = Instant.now(clock);
    em.flush();
    OrgUnitResponse after = OrgUnitResponse.of(unit, v, day);
    audit.updated(ENTITY, id, id, unit.version, before, after);
    return after;
  }

  @Transactional
  public void delete(UUID id, long expectedVersion) {
    OrgUnit unit = visible(id);
    requireWritable(id, null);
    requireCorrector(id);
    if (unit.version != expectedVersion) {
      throw new ApiException(412, "PRECONDITION_FAILED");
    }
    if (repo.hasHistory(id)) {
      throw ApiException.conflict("IN_USE");
    }
    LocalDate day = today();
    OrgUnitResponse before = OrgUnitResponse.of(unit, repo.displayVersion(id, day), day);
    audit.deleted(ENTITY, id, id, before); // first: the trail records the unit's path
    OrgUnitVersion.delete("unitId", id);
    unit.delete();
    em.flush();
  }

  // ------------------------------------------------------------------ restructuring

  @Transactional
  public RestructuringResponse restructure(RestructuringRequest req, boolean dryRun) {
    Restructuring r = new Restructuring(req, UUID.randomUUID());
    repo.insertRestructuring(
        r.id,
        req.kind(),
        req.effectiveDate(),
        req.legalBasis(),
        req.note(),
        json(req),
        user.username());
    switch (req.kind()) {
      case MERGE -> merge(r);
      case SPLIT -> split(r);
      case RENAME -> rename(r);
      case MOVE -> move(r);
      case DISSOLVE -> dissolve(r);
    }
    em.flush();
    for (RestructuringResponse.LineageLink link : r.lineage) {
      repo.insertLineage(link.predecessorId(), link.successorId(), link.kind(), r.eff, r.id);
    }
    List<RestructuringListener.Transfer> transfers = new ArrayList<>();
    RestructuringListener.Event event =
        new RestructuringListener.Event(r.id, req.kind(), r.eff, r.successions);
    for (RestructuringListener listener : listeners) {
      transfers.addAll(listener.onRestructured(event));
    }
    RestructuringResponse response = r.response(dryRun, transfers);
    auditRestructuring(r, response);
    if (dryRun) {
      QuarkusTransaction.setRollbackOnly();
    } else {
      LOG.infof("Restructuring %s (%s) applied from %s", r.id, req.kind(), r.eff);
    }
    return response;
  }

  /** Working state of one restructuring. */
  private final class Restructuring {
    final RestructuringRequest req;
    final UUID id;
    final LocalDate eff;
    final LocalDate dayBefore;
    final Map<UUID, OrgUnitResponse> before = new LinkedHashMap<>();
    final List<OrgUnit> created = new ArrayList<>();
    final List<OrgUnit> closed = new ArrayList<>();
    final List<OrgUnit> changed = new ArrayList<>();
    final List<RestructuringResponse.LineageLink> lineage = new ArrayList<>();
    final List<RestructuringListener.Succession> successions = new ArrayList<>();

    /** Units below a moved unit, whose path changes from the effective date: (before, after). */
    final Map<UUID, UUID[][]> rebased = new LinkedHashMap<>();

    Restructuring(RestructuringRequest req, UUID id) {
      this.req = req;
      this.id = id;
      this.eff = req.effectiveDate();
      this.dayBefore = eff.minusDays(1);
    }

    RestructuringResponse response(boolean dryRun, List<RestructuringListener.Transfer> transfers) {
      return new RestructuringResponse(
          id,
          req.kind(),
          eff,
          req.legalBasis(),
          dryRun,
          created.stream()
              .map(u -> OrgUnitResponse.of(u, repo.displayVersion(u.id, eff), eff))
              .toList(),
          closed.stream()
              .map(u -> OrgUnitResponse.of(u, repo.displayVersion(u.id, dayBefore), dayBefore))
              .toList(),
          changed.stream()
              .map(u -> OrgUnitResponse.of(u, repo.displayVersion(u.id, eff), eff))
              .toList(),
          List.copyOf(lineage),
          List.copyOf(transfers));
    }

    void remember(OrgUnit unit) {
      before.computeIfAbsent(
          unit.id,
          k -> OrgUnitResponse.of(unit, repo.displayVersion(unit.id, dayBefore), dayBefore));
    }
  }

  private void merge(Restructuring r) {
    RestructuringRequest req = r.req;
    if ((req.targetUnitId() == null) == (req.newUnit() == null)) {
      throw ApiException.invalid("/targetUnitId", "field.MERGE_TARGET");
    }
    List<OrgUnit> sources = sources(r, false);
    OrgUnit existing = null;
    if (req.targetUnitId() != null) {
      existing = requireUnit(req.targetUnitId(), "/targetUnitId");
      UUID targetId = existing.id;
      if (sources.stream().anyMatch(s -> s.id.equals(targetId))) {
        throw ApiException.invalid("/targetUnitId", "field.TARGET_IS_SOURCE");
      }
      requireValidOn(existing, r.eff, "/targetUnitId");
      r.remember(existing);
    }
    UUID defaultParent = repo.displayVersion(sources.get(0).id, r.dayBefore).parentId;
    // sources close first: a new unit may reuse the official code of one of them
    List<OrgUnit> movedChildren = new ArrayList<>();
    for (OrgUnit source : sources) {
      if (source.isValidOn(r.eff)) {
        for (OrgUnitVersion child : repo.childrenOn(source.id, r.eff)) {
          OrgUnit childUnit = repo.find(child.unitId).orElseThrow();
          r.remember(childUnit);
          movedChildren.add(childUnit);
        }
        close(source, r.eff);
        r.closed.add(source);
      }
    }
    OrgUnit target =
        existing != null ? existing : createFromSpec(r, req.newUnit(), defaultParent, "/newUnit");
    for (OrgUnit child : movedChildren) {
      reparent(r, child, target.id, r.eff);
      r.changed.add(child);
    }
    for (int i = 0; i < sources.size(); i++) {
      LineageKind share =
          Optional.ofNullable(req.sources().get(i).share()).orElse(LineageKind.FULL);
      r.lineage.add(new RestructuringResponse.LineageLink(sources.get(i).id, target.id, share));
      r.successions.add(new RestructuringListener.Succession(sources.get(i).id, target.id, share));
    }
  }

  private void split(Restructuring r) {
    RestructuringRequest req = r.req;
    OrgUnit source = single(r, true);
    if (req.newUnits() == null || req.newUnits().isEmpty()) {
      throw ApiException.invalid("/newUnits", "field.REQUIRED");
    }
    requireNoLiveChildren(source, r.eff);
    UUID defaultParent = repo.displayVersion(source.id, r.dayBefore).parentId;
    close(source, r.eff);
    r.closed.add(source);
    List<OrgUnit> targets = new ArrayList<>();
    for (int i = 0; i < req.newUnits().size(); i++) {
      targets.add(createFromSpec(r, req.newUnits().get(i), defaultParent, "/newUnits/" + i));
    }
    for (OrgUnit t : targets) {
      r.lineage.add(new RestructuringResponse.LineageLink(source.id, t.id, LineageKind.PART));
    }
    r.successions.add(
        new RestructuringListener.Succession(source.id, targets.get(0).id, LineageKind.PART));
  }

  private void rename(Restructuring r) {
    RestructuringRequest req = r.req;
    if (req.newName() == null || req.newName().isBlank()) {
      throw ApiException.invalid("/newName", "field.REQUIRED");
    }
    OrgUnit source = single(r, true);
    r.remember(source);
    changeFrom(
        source,
        r.eff,
        v -> {
          v.name = req.newName().trim();
          if (req.newShortName() != null) {
            v.shortName = req.newShortName();
          }
          if (req.newCode() != null) {
            v.code = req.newCode();
          }
        });
    r.changed.add(source);
  }

  private void move(Restructuring r) {
    RestructuringRequest req = r.req;
    if (req.newParentId() == null) {
      throw ApiException.invalid("/newParentId", "field.REQUIRED");
    }
    OrgUnit source = single(r, true);
    OrgUnit parent = requireUnit(req.newParentId(), "/newParentId");
    OrgUnitVersion parentVersion = requireValidOn(parent, r.eff, "/newParentId");
    if (Arrays.asList(parentVersion.path).contains(source.id)) {
      throw new ApiException(422, "MOVE_INTO_OWN_SUBTREE");
    }
    r.remember(source);
    reparent(r, source, parent.id, r.eff);
    r.changed.add(source);
  }

  private void dissolve(Restructuring r) {
    OrgUnit source = single(r, true);
    requireNoLiveChildren(source, r.eff);
    UUID successor = r.req.successorId();
    if (successor != null) {
      OrgUnit s = requireUnit(successor, "/successorId");
      requireValidOn(s, r.eff, "/successorId");
      if (s.id.equals(source.id)) {
        throw ApiException.invalid("/successorId", "field.TARGET_IS_SOURCE");
      }
      r.lineage.add(new RestructuringResponse.LineageLink(source.id, successor, LineageKind.FULL));
    }
    close(source, r.eff);
    r.closed.add(source);
    r.successions.add(new RestructuringListener.Succession(source.id, successor, LineageKind.FULL));
  }

  /** The sources, each existing on the day before the change (and still open, if required). */
  private List<OrgUnit> sources(Restructuring r, boolean mustBeOpen) {
    List<OrgUnit> units = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < r.req.sources().size(); i++) {
      String pointer = "/sources/" + i + "/unitId";
      UUID id = r.req.sources().get(i).unitId();
      if (!seen.add(id)) {
        throw ApiException.invalid(pointer, "field.DUPLICATE_SOURCE");
      }
      OrgUnit unit = requireUnit(id, pointer);
      requireValidOn(unit, r.dayBefore, pointer);
      if (mustBeOpen && !unit.isValidOn(r.eff)) {
        throw new ApiException(
            422,
            "UNIT_NOT_VALID",
            List.of(ApiException.FieldError.of(pointer, "field.UNIT_CLOSED")));
      }
      r.remember(unit);
      units.add(unit);
    }
    return units;
  }

  private OrgUnit single(Restructuring r, boolean mustBeOpen) {
    if (r.req.sources().size() != 1) {
      throw ApiException.invalid("/sources", "field.EXACTLY_ONE");
    }
    return sources(r, mustBeOpen).get(0);
  }

  private OrgUnit requireUnit(UUID id, String pointer) {
    OrgUnit unit = repo.find(id).orElse(null);
    if (unit == null || !scope.contains(id)) {
      throw new ApiException(
          422, "UNKNOWN_UNIT", List.of(ApiException.FieldError.of(pointer, "field.UNKNOWN_UNIT")));
    }
    return unit;
  }

  private OrgUnitVersion requireValidOn(OrgUnit unit, LocalDate day, String pointer) {
    return repo.versionOn(unit.id, day)
        .filter(v -> unit.isValidOn(day))
        .orElseThrow(
            () ->
                new ApiException(
                    422,
                    "UNIT_NOT_VALID",
                    List.of(ApiException.FieldError.of(pointer, "field.UNIT_NOT_VALID_ON", day))));
  }

  private void requireNoLiveChildren(OrgUnit unit, LocalDate day) {
    if (!repo.childrenOn(unit.id, day).isEmpty()) {
      throw new ApiException(422, "UNIT_HAS_CHILDREN");
    }
  }

  private OrgUnit createFromSpec(
      Restructuring r, RestructuringRequest.NewUnit spec, UUID defaultParent, String pointer) {
    UUID parentId = spec.parentId() != null ? spec.parentId() : defaultParent;
    OrgUnitVersion parent = null;
    if (parentId != null) {
      OrgUnit p = requireUnit(parentId, pointer + "/parentId");
      parent = requireValidOn(p, r.eff, pointer + "/parentId");
    }
    checkKind(parent, spec.kind(), r.eff);
    UUID id = spec.id() != null ? spec.id() : UUID.randomUUID();
    if (repo.find(id).isPresent()) {
      throw new ApiException(409, "ID_TAKEN");
    }
    OrgUnit unit = newUnit(id, spec.kind(), r.eff);
    newVersion(unit, parent, spec.name().trim(), spec.shortName(), spec.code(), r.eff);
    em.flush();
    r.created.add(unit);
    return unit;
  }

  private void checkKind(OrgUnitVersion parent, OrgUnitKind kind, LocalDate from) {
    if (kind == OrgUnitKind.DISTRICT && !from.isBefore(DISTRICTS_ABOLISHED)) {
      throw new ApiException(422, "DISTRICT_ABOLISHED");
    }
    if (parent != null && !parent.kind.accepts(kind)) {
      throw new ApiException(422, "KIND_NOT_ALLOWED", parent.kind.name(), kind.name());
    }
    if (parent == null && kind != OrgUnitKind.CENTRAL) {
      throw ApiException.invalid("/parentId", "field.REQUIRED");
    }
  }

  private OrgUnit newUnit(UUID id, OrgUnitKind kind, LocalDate from) {
    OrgUnit unit = new OrgUnit();
    unit.id = id;
    unit.kind = kind;
    unit.validFrom = from;
    unit.createdAt = Instant.now(clock);
    unit.updatedAt = unit.createdAt;
    unit.persist();
    return unit;
  }

  private OrgUnitVersion newVersion(
      OrgUnit unit,
      OrgUnitVersion parent,
      String name,
      String shortName,
      String code,
      LocalDate from) {
    OrgUnitVersion v = new OrgUnitVersion();
    v.id = UUID.randomUUID();
    v.unitId = unit.id;
    v.kind = unit.kind;
    v.name = name.trim();
    v.shortName = shortName;
    v.code = code;
    v.parentId = parent == null ? null : parent.unitId;
    v.path = append(parent == null ? new UUID[0] : parent.path, unit.id);
    v.depth = v.path.length - 1;
    v.validFrom = from;
    v.persist();
    return v;
  }

  /** Ends the unit's life on the day before {@code eff}. */
  private void close(OrgUnit unit, LocalDate eff) {
    requireNoVersionsFrom(unit, eff);
    LocalDate last = eff.minusDays(1);
    repo.versionOn(unit.id, last).ifPresent(v -> v.validTo = last);
    unit.validTo = last;
    unit.updatedAt = Instant.now(clock);
    em.flush();
  }

  /**
   * A new version of the unit from {@code eff} (or the one starting that day), changed by {@code
   * change}.
   */
  private OrgUnitVersion changeFrom(OrgUnit unit, LocalDate eff, Consumer<OrgUnitVersion> change) {
    requireNoVersionsFrom(unit, eff.plusDays(1));
    OrgUnitVersion current =
        repo.versionOn(unit.id, eff).orElseThrow(() -> new ApiException(422, "UNIT_NOT_VALID"));
    OrgUnitVersion next;
    if (current.validFrom.equals(eff)) {
      next = current;
    } else {
      next = current.copyFrom(eff);
      current.validTo = eff.minusDays(1);
      em.flush();
      next.persist();
    }
    change.accept(next);
    unit.updatedAt = Instant.now(clock);
    em.flush();
    return next;
  }

  /**
   * Moves the unit under a new parent from {@code eff}, rewriting the paths of its subtree from
   * then.
   */
  private void reparent(Restructuring r, OrgUnit unit, UUID newParentId, LocalDate eff) {
    OrgUnitVersion parent =
        repo.versionOn(newParentId, eff).orElseThrow(() -> new ApiException(422, "UNIT_NOT_VALID"));
    checkKind(parent, unit.kind, eff);
    UUID[] newPath = append(parent.path, unit.id);
    changeFrom(
        unit,
        eff,
        v -> {
          v.parentId = newParentId;
          v.path = newPath;
          v.depth = newPath.length - 1;
        });
    for (OrgUnitVersion d : repo.descendantVersionsFrom(unit.id, eff)) {
      UUID[] rebased = rebase(d.path, unit.id, newPath);
      r.rebased.putIfAbsent(d.unitId, new UUID[][] {d.path, rebased});
      if (!d.validFrom.isBefore(eff)) {
        d.path = rebased;
        d.depth = rebased.length - 1;
      } else {
        OrgUnitVersion next = d.copyFrom(eff);
        d.validTo = eff.minusDays(1);
        em.flush();
        next.path = rebased;
        next.depth = rebased.length - 1;
        next.persist();
      }
      em.flush();
    }
  }

  /** Refuses to act on a unit that already has versions starting on or after {@code day}. */
  private void requireNoVersionsFrom(OrgUnit unit, LocalDate day) {
    if (!repo.versionsFrom(unit.id, day).isEmpty()) {
      throw new ApiException(422, "LATER_CHANGES_EXIST");
    }
  }

  private void auditRestructuring(Restructuring r, RestructuringResponse response) {
    audit.created(
        RESTRUCTURING_ENTITY, r.id, r.closed.isEmpty() ? null : r.closed.get(0).id, 0, response);
    String action = "RESTRUCTURE_" + r.req.kind().name();
    Set<UUID> done = new HashSet<>();
    for (List<OrgUnit> group : List.of(r.created, r.closed, r.changed)) {
      for (OrgUnit u : group) {
        if (!done.add(u.id)) {
          continue;
        }
        LocalDate day = r.closed.contains(u) ? r.dayBefore : r.eff;
        OrgUnitResponse after = OrgUnitResponse.of(u, repo.displayVersion(u.id, day), day);
        audit.action(
            action, ENTITY, u.id, u.id, u.version, r.before.get(u.id), after, r.req.legalBasis());
      }
    }
    // the units below a moved unit keep their rows but stand under a new path: they get a new
    // version and a feed entry too (a reader scoped to the new parent learns of them), set-based
    r.rebased.keySet().removeAll(done);
    if (!r.rebased.isEmpty()) {
      List<AuditTrail.Change> changes = new ArrayList<>();
      for (Object o : repo.bumpVersions(r.rebased.keySet(), Instant.now(clock))) {
        Object[] row = (Object[]) o;
        UUID id = (UUID) row[0];
        UUID[][] paths = r.rebased.get(id);
        changes.add(
            new AuditTrail.Change(
                id,
                id,
                ((Number) row[1]).longValue(),
                Map.of("path", List.of(paths[0])),
                Map.of("path", List.of(paths[1]), "validFrom", r.eff.toString())));
      }
      audit.recordAll(action, ENTITY, AuditTrail.Operation.UPSERT, changes, r.req.legalBasis());
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The unit, or 404 when missing or outside the caller's scope. */
  private OrgUnit visible(UUID id) {
    OrgUnit unit = repo.find(id).orElseThrow(() -> ApiException.notFound(ENTITY_LABEL));
    scope.require(id, ENTITY_LABEL);
    return unit;
  }

  private void requireWritable(UUID unitId, String pointer) {
    if (!scope.contains(unitId) || repo.find(unitId).isEmpty()) {
      if (pointer == null) {
        throw ApiException.notFound(ENTITY_LABEL);
      }
      throw new ApiException(
          422, "UNKNOWN_UNIT", List.of(ApiException.FieldError.of(pointer, "field.UNKNOWN_UNIT")));
    }
  }

  /**
   * Corrections (names and codes without history, deleting a unit entered by mistake) are for
   * admins; a unit manager corrects only units strictly below its home unit, never its home unit,
   * the units above it or the predecessors in its scope. A rename in force from a date is a RENAME
   * restructuring. In scope but not correctable: 403.
   */
  private void requireCorrector(UUID unitId) {
    if (user.isAdmin()) {
      return;
    }
    Optional<UUID> home = user.homeUnitId();
    if (home.isEmpty() || !repo.isStrictlyBelow(unitId, home.get())) {
      throw new ApiException(403, "FORBIDDEN");
    }
  }

  private LocalDate today() {
    return BusinessTime.today(clock);
  }

  private LocalDate dayOr(LocalDate asOf) {
    return asOf != null ? asOf : today();
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static UUID[] append(UUID[] path, UUID id) {
    UUID[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = id;
    return out;
  }

  private static UUID[] rebase(UUID[] path, UUID pivot, UUID[] pivotPath) {
    int i = Arrays.asList(path).indexOf(pivot);
    UUID[] out = Arrays.copyOf(pivotPath, pivotPath.length + path.length - i - 1);
    System.arraycopy(path, i + 1, out, pivotPath.length, path.length - i - 1);
    return out;
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  // ------------------------------------------------------------------ for the demo data

  /** Whether the unit exists, whatever the caller's scope: one primary-key lookup. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return repo.find(id).isPresent();
  }
}
