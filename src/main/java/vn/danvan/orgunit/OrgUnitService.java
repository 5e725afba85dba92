package vn.danvan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.RequestProvenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.source.Upserted;
import vn.danvan.shared.time.BusinessTime;

/**
 * The effective-dated tree of units: reads as of a day and corrections. The public face of the
 * feature; restructurings are {@link RestructuringService}'s.
 */
@ApplicationScoped
public class OrgUnitService {

  public static final String ENTITY = "ORG_UNIT";
  static final String ENTITY_LABEL = "entity.ORG_UNIT";
  static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);
  private static final Logger LOG = Logger.getLogger(OrgUnitService.class);

  /**
   * Two columns of the tree's current revision ({@link TreeRevision}), {@code tree_revision} and
   * {@code tree_writer}, for another feature's statement that checks, in its own snapshot, that
   * what it derived from the tree still holds: published here, the table stays this feature's.
   */
  public static final String TREE_REVISION_COLUMNS =
      "(select r.revision from org_unit_tree_revision r where r.id = 1) as tree_revision,"
          + " (select cast(cast(r.xmin as text) as bigint) from org_unit_tree_revision r"
          + " where r.id = 1) as tree_writer";

  @Inject OrgUnitRepository repo;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject SourceWrites sources;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject TransactionManager transactions;
  @Inject UnitsOfKindsCache unitsOfKinds;
  @Inject SubtreesCache subtrees;

  public record ListFilter(
      String q, OrgUnitKind kind, UUID parentId, String code, LocalDate asOf) {}

  /** The cursor tag of the ancestors of a unit on a day. */
  private record AncestorsQuery(UUID unitId, LocalDate day) {}

  // ------------------------------------------------------------------ reads

  @Transactional(Transactional.TxType.SUPPORTS)
  public OrgUnitResponse get(UUID id, LocalDate asOf) {
    LocalDate day = dayOr(asOf);
    OrgUnit unit = visible(id);
    return OrgUnitResponse.of(unit, repo.displayVersion(id, day), day);
  }

  /** For other features: the unit as of {@code day} if it exists (no scope check). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<OrgUnitResponse> find(UUID id, LocalDate day) {
    return repo.find(id).map(u -> OrgUnitResponse.of(u, repo.displayVersion(id, day), day));
  }

  /**
   * For other features: each unit's name on {@code day} (the version valid then, else its last
   * before, else its first; no scope check). Ids of no unit are left out. In SQL: the function
   * {@code org_unit_name_on(unit, day)}.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, String> namesOn(Collection<UUID> ids, LocalDate day) {
    return repo.namesOn(ids, day);
  }

  /**
   * For other features: each unit's path (root..unit) on {@code day}, from the version valid then,
   * else its last before, else its first (no scope check); ids of no unit are left out. One query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, List<UUID>> pathsOn(Collection<UUID> ids, LocalDate day) {
    return repo.pathsOn(ids, day);
  }

  /** A unit on a day: the key of {@link #findAll}. */
  public record UnitDay(UUID id, LocalDate day) {}

  /**
   * For other features: {@link #find} for many units, each on its own day, in one query (bulk
   * writes check thousands of units); units that do not exist are left out.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UnitDay, OrgUnitResponse> findAll(Collection<UnitDay> keys) {
    return repo.findAllOn(keys);
  }

  /** For other features: the ids of the direct children of a kind valid on {@code day}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> childIdsOfKind(UUID parentId, OrgUnitKind kind, LocalDate day) {
    return repo.childrenOn(parentId, day).stream()
        .filter(v -> v.kind == kind)
        .map(v -> v.unitId)
        .sorted()
        .toList();
  }

  /**
   * A unit a report of a subtree covers: a unit of the subtree on the tree's day ({@code valid}),
   * or a predecessor of one that had closed by then, whose records its successor inherited.
   */
  public record SubtreeMember(UUID id, OrgUnitKind kind, boolean valid) {}

  /**
   * For other features: the units whose records a figure of the subtree of {@code unitId} counts on
   * the tree of {@code day}: every unit of the subtree valid that day (the unit included) and,
   * transitively, the lineage predecessors of those units that had closed by then (a commune merged
   * into one of the subtree brings its history along). No scope check; empty when the unit is not
   * valid on the day. Outside a transaction the answer is kept for the tree's revision ({@link
   * SubtreesCache}): the agenda reads the same subtree page after page.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SubtreeMember> subtreeOn(UUID unitId, LocalDate day) {
    if (!outsideTransaction()) {
      // a transaction may see (or hold unflushed) changes that no other reader sees
      return repo.subtreeOn(unitId, day);
    }
    long[] revision = repo.treeRevision();
    return subtrees.get(
        new SubtreesCache.Key(unitId, day),
        revision[0],
        revision[1],
        () -> repo.subtreeOn(unitId, day));
  }

  /**
   * For other features: the direct children of a kind valid on {@code day}, in id order, with their
   * names that day (as {@link #namesOn} gives them).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, String> childNamesOfKind(UUID parentId, OrgUnitKind kind, LocalDate day) {
    Map<UUID, String> out = new LinkedHashMap<>();
    repo.childrenOn(parentId, day).stream()
        .filter(v -> v.kind == kind)
        .sorted(Comparator.comparing((OrgUnitVersion v) -> v.unitId))
        .forEach(v -> out.put(v.unitId, v.name));
    return out;
  }

  /**
   * For other features: every unit of {@code kind} in the subtree of {@code ancestorId} valid on
   * {@code day}, in id order, with its name that day; one scan, where {@link #namesOn} over
   * thousands of ids would probe the version index once per unit.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, String> descendantNamesOfKind(UUID ancestorId, OrgUnitKind kind, LocalDate day) {
    return repo.descendantNamesOfKindOn(ancestorId, kind, day);
  }

  /** A unit as of a day: its kind, its path (root..unit) that day and the day it began. */
  public record UnitOnDay(UUID id, OrgUnitKind kind, List<UUID> path, LocalDate validFrom) {}

  /**
   * For other features: the units of one of {@code kinds} valid on {@code day} (the unit and its
   * version) at or below one of {@code anchors} (a path that holds one; every such unit of the tree
   * when {@code anchors} is null), with their paths that day and their first days, in id order; no
   * scope check. One query; outside a transaction the answer is kept for the tree's revision
   * ({@link UnitsOfKindsCache}), so a page that reads the same units again reads one row.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UnitOnDay> subtreeOfKinds(
      Collection<UUID> anchors, Set<OrgUnitKind> kinds, LocalDate day) {
    if (kinds.isEmpty() || anchors != null && anchors.isEmpty()) {
      return List.of();
    }
    UnitsOfKindsCache.Key key = UnitsOfKindsCache.Key.of(anchors, kinds, day);
    if (!outsideTransaction()) {
      // a transaction may see (or hold unflushed) changes that no other reader sees
      return repo.unitsOfKindsOn(key.anchors(), kinds, day);
    }
    long[] revision = repo.treeRevision();
    return unitsOfKinds.get(
        key, revision[0], revision[1], () -> repo.unitsOfKindsOn(key.anchors(), kinds, day));
  }

  /** For other features: the tree's current revision (one primary-key read). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TreeRevision treeRevision() {
    long[] r = repo.treeRevision();
    return new TreeRevision(r[0], r[1]);
  }

  private boolean outsideTransaction() {
    try {
      return transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
    } catch (SystemException e) {
      return false;
    }
  }

  /** Every unit of {@code kind} in the subtree of {@code ancestorId}, valid on {@code day}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> descendantIdsOfKind(UUID ancestorId, OrgUnitKind kind, LocalDate day) {
    return repo.descendantIdsOfKindOn(ancestorId, kind, day);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<OrgUnitResponse> list(ListFilter filter, PageRequest page) {
    String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().trim();
    return page(
        "org-units",
        new OrgUnitQuery(
            dayOr(filter.asOf()), q, filter.kind(), filter.parentId(), filter.code(), null),
        page);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<OrgUnitResponse> children(UUID id, LocalDate asOf, PageRequest page) {
    visible(id);
    return page("children", new OrgUnitQuery(dayOr(asOf), null, null, id, null, null), page);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<OrgUnitResponse> descendants(
      UUID id, LocalDate asOf, OrgUnitKind kind, PageRequest page) {
    visible(id);
    return page("descendants", new OrgUnitQuery(dayOr(asOf), null, kind, null, null, id), page);
  }

  /**
   * The chain from the root down to the unit's parent, as of the day. Ancestors are shown even
   * above the caller's home unit: the names of superior bodies are not confidential.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<OrgUnitResponse> ancestors(UUID id, LocalDate asOf, PageRequest page) {
    LocalDate day = dayOr(asOf);
    visible(id);
    OrgUnitVersion v = repo.displayVersion(id, day);
    List<UUID> chain = Arrays.asList(v.path).subList(0, v.path.length - 1);
    String tag = Cursor.tag("ancestors", new AncestorsQuery(id, day));
    int offset = 0;
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.INT);
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
    return Page.of(rows, page.limit(), r -> r, r -> Cursor.encode(tag, start + page.limit()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public LineageResponse lineage(UUID id) {
    visible(id);
    return new LineageResponse(
        id, edges(repo.lineage(id, true), true), edges(repo.lineage(id, false), false));
  }

  /**
   * For other features: the direct successors of a unit in the lineage, in the order of their
   * effective dates, each named as on its first day (no scope check): who took over the unit's
   * work, and from which day.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LineageResponse.Edge> successors(UUID id) {
    return edges(repo.lineage(id, false), false);
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

  /** One page of {@code query} in the caller's scope; cursors are tagged with the query. */
  private Page<OrgUnitResponse> page(String list, OrgUnitQuery query, PageRequest page) {
    UUID[] roots = scope.rootsOrAll();
    String tag = Cursor.tag(list, query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.TEXT, Cursor.KeyType.UUID);
    String afterName = keys == null ? null : keys.text(0);
    UUID afterId = keys == null ? null : keys.uuid(1);
    List<OrgUnitVersion> rows = repo.page(query, roots, afterName, afterId, page.fetchSize());
    Map<UUID, OrgUnit> units = repo.units(rows.stream().map(v -> v.unitId).toList());
    LocalDate day = query.day();
    return Page.of(
        rows,
        page.limit(),
        v -> OrgUnitResponse.of(units.get(v.unitId), v, day),
        v -> Cursor.encode(tag, v.name, v.unitId));
  }

  // ------------------------------------------------------------------ corrections

  @Transactional
  public OrgUnitResponse create(CreateOrgUnitRequest req) {
    // Ids are global: a taken id would tell a restricted caller that a unit outside its scope
    // exists. Only admins choose ids here; the others get generated ones (or upsert by PUT).
    if (req.id() != null && !user.isAdmin()) {
      throw ApiException.forbidden();
    }
    UUID id = req.id() != null ? req.id() : UUID.randomUUID();
    if (repo.find(id).isPresent()) {
      throw ApiException.conflict("ID_TAKEN");
    }
    Provenance in =
        RequestProvenance.incoming(
            req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt(), null);
    return insert(
        id,
        req.kind(),
        req.name(),
        req.shortName(),
        req.code(),
        req.parentId(),
        req.validFrom(),
        sources.claim(in));
  }

  /**
   * {@code PUT /org-units/{id}}: creates the unit under a client-chosen id, or corrects it by the
   * rules of {@link SourceWrites#replace}.
   */
  @Transactional
  public Upserted<OrgUnitResponse> upsert(UUID id, Preconditions pre, OrgUnitUpsertRequest req) {
    return put(id, null, pre, req);
  }

  /** {@code PUT /org-units/by-source/{sourceSystem}/{sourceId}}. */
  @Transactional
  public Upserted<OrgUnitResponse> upsertBySource(
      SourceKey key, Preconditions pre, OrgUnitUpsertRequest req) {
    return put(null, key, pre, req);
  }

  /**
   * The upsert by id ({@code key} null) or by source key ({@code id} null), without a transaction
   * boundary of its own (the import runs many in one). Every {@link ApiException} it throws comes
   * before the first write of the unit.
   */
  Upserted<OrgUnitResponse> put(
      UUID id, SourceKey key, Preconditions pre, OrgUnitUpsertRequest req) {
    if (key != null) {
      // only the system itself (or an admin) writes by its keys: no probing of other systems' keys
      sources.claim(new Provenance(key.system(), key.id(), null, null));
    }
    Provenance in =
        RequestProvenance.incoming(
            req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt(), key);
    Optional<OrgUnit> existing = key != null ? repo.findBySource(key) : repo.find(id);
    if (existing.isPresent()) {
      return replace(existing.get(), pre, in, req);
    }
    Provenance claimed = sources.create(pre, in, ENTITY_LABEL);
    if (req.kind() == null) {
      throw ApiException.invalid("/kind", "field.REQUIRED");
    }
    OrgUnitResponse created =
        insert(
            id != null ? id : UUID.randomUUID(),
            req.kind(),
            req.name(),
            req.shortName(),
            req.code(),
            req.parentId(),
            req.validFrom(),
            claimed);
    return new Upserted<>(UpsertOutcome.CREATED, created);
  }

  private OrgUnitResponse insert(
      UUID id,
      OrgUnitKind kind,
      String name,
      String shortName,
      String code,
      UUID parentId,
      LocalDate validFrom,
      Provenance claimed) {
    LocalDate from = validFrom != null ? validFrom : today();
    Provenance provenance = RequestProvenance.stored(Provenance.NONE, claimed);
    OrgUnitVersion parent = null;
    if (parentId == null) {
      if (!user.isAdmin() || kind != OrgUnitKind.CENTRAL) {
        throw ApiException.invalid("/parentId", "field.REQUIRED");
      }
    } else {
      if (!scope.contains(parentId) || repo.find(parentId).isEmpty()) {
        throw ApiException.unknownUnit("/parentId");
      }
      parent =
          repo.versionOn(parentId, from)
              .orElseThrow(() -> ApiException.unprocessable("PARENT_NOT_VALID"));
    }
    if (!user.isAdmin() && (kind == OrgUnitKind.CENTRAL || kind == OrgUnitKind.PROVINCE)) {
      throw ApiException.forbidden();
    }
    checkKind(parent, kind, from);
    requireFreeKey(provenance, id);
    OrgUnit unit = newUnit(id, kind, from, provenance);
    OrgUnitVersion version = newVersion(unit, parent, name, shortName, code, from);
    em.flush();
    OrgUnitResponse response = OrgUnitResponse.of(unit, version, from);
    audit.created(ENTITY, id, id, unit.version, response);
    LOG.infof("Org unit %s created", id);
    return response;
  }

  /**
   * A correction by upsert: names and codes of the current version, without history. The kind, the
   * parent and the first day are the tree's structure, changed only by restructurings.
   */
  private Upserted<OrgUnitResponse> replace(
      OrgUnit unit, Preconditions pre, Provenance in, OrgUnitUpsertRequest req) {
    scope.require(unit.id, ENTITY_LABEL);
    requireCorrector(unit.id);
    LocalDate day = today();
    OrgUnitVersion v = repo.displayVersion(unit.id, day);
    boolean sameStructure =
        (req.kind() == null || req.kind() == unit.kind)
            && (req.parentId() == null || req.parentId().equals(v.parentId))
            && (req.validFrom() == null || req.validFrom().equals(unit.validFrom));
    boolean same =
        sameStructure
            && req.name().trim().equals(v.name)
            && Objects.equals(req.shortName(), v.shortName)
            && Objects.equals(req.code(), v.code);
    UpsertOutcome outcome = sources.replace(unit.version, unit.provenance(), pre, in, same);
    if (outcome == UpsertOutcome.UNCHANGED) {
      return new Upserted<>(outcome, OrgUnitResponse.of(unit, v, day));
    }
    if (!sameStructure) {
      throw ApiException.conflict("RESTRUCTURING_REQUIRED");
    }
    Provenance provenance = RequestProvenance.stored(unit.provenance(), in);
    requireFreeKey(provenance, unit.id);
    OrgUnitResponse before = OrgUnitResponse.of(unit, v, day);
    v.name = req.name().trim();
    v.shortName = req.shortName();
    v.code = req.code();
    unit.provenance(provenance);
    unit.updatedAt = Instant.now(clock);
    em.flush();
    OrgUnitResponse after = OrgUnitResponse.of(unit, v, day);
    audit.updated(ENTITY, unit.id, unit.id, unit.version, before, after);
    return new Upserted<>(outcome, after);
  }

  /** 409 DUPLICATE when another unit already carries the source key. */
  private void requireFreeKey(Provenance provenance, UUID id) {
    if (provenance.owned()
        && repo.findBySource(provenance.key()).filter(u -> !u.id.equals(id)).isPresent()) {
      throw ApiException.conflict("DUPLICATE");
    }
  }

  @Transactional
  public void delete(UUID id, long expectedVersion) {
    OrgUnit unit = visible(id);
    requireCorrector(id);
    sources.requireOwner(unit.provenance(), unit.version);
    if (unit.version != expectedVersion) {
      throw new ApiException(412, "PRECONDITION_FAILED");
    }
    if (repo.hasHistory(id)) {
      throw ApiException.conflict("IN_USE");
    }
    LocalDate day = today();
    OrgUnitResponse before = OrgUnitResponse.of(unit, repo.displayVersion(id, day), day);
    audit.deleted(ENTITY, id, id, before); // first: the trail records the unit's path
    repo.deleteVersions(id);
    unit.delete();
    em.flush();
  }

  /**
   * 403 unless the caller may correct the unit. Corrections (names and codes without history,
   * deleting a unit entered by mistake) are for admins; a unit manager or an integration client
   * corrects only units strictly below its home unit, never its home unit, the units above it or
   * the predecessors in its scope. A rename in force from a date is a RENAME restructuring.
   */
  private void requireCorrector(UUID id) {
    if (!user.isAdmin()) {
      Optional<UUID> home = user.homeUnitId();
      if (home.isEmpty() || !repo.isStrictlyBelow(id, home.get())) {
        throw ApiException.forbidden();
      }
    }
  }

  // ------------------------------------------------------------------ shared with restructuring

  /** The rules of the tree: which kind stands under which, and no district after the reform. */
  static void checkKind(OrgUnitVersion parent, OrgUnitKind kind, LocalDate from) {
    if (kind == OrgUnitKind.DISTRICT && !from.isBefore(DISTRICTS_ABOLISHED)) {
      throw ApiException.unprocessable("DISTRICT_ABOLISHED");
    }
    if (parent != null && !parent.kind.accepts(kind)) {
      throw ApiException.unprocessable("KIND_NOT_ALLOWED", parent.kind.name(), kind.name());
    }
    if (parent == null && kind != OrgUnitKind.CENTRAL) {
      throw ApiException.invalid("/parentId", "field.REQUIRED");
    }
  }

  OrgUnit newUnit(UUID id, OrgUnitKind kind, LocalDate from) {
    return newUnit(id, kind, from, Provenance.NONE);
  }

  /**
   * A new unit; its provenance is set before it is persisted (a later change bumps its version).
   */
  private OrgUnit newUnit(UUID id, OrgUnitKind kind, LocalDate from, Provenance provenance) {
    OrgUnit unit = new OrgUnit();
    unit.id = id;
    unit.kind = kind;
    unit.validFrom = from;
    unit.provenance(provenance);
    unit.createdAt = Instant.now(clock);
    unit.updatedAt = unit.createdAt;
    unit.persist();
    return unit;
  }

  static OrgUnitVersion newVersion(
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

  static UUID[] append(UUID[] path, UUID id) {
    UUID[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = id;
    return out;
  }

  // ------------------------------------------------------------------ helpers

  /** The unit, or 404 when missing or outside the caller's scope. */
  private OrgUnit visible(UUID id) {
    OrgUnit unit = repo.find(id).orElseThrow(() -> ApiException.notFound(ENTITY_LABEL));
    scope.require(id, ENTITY_LABEL);
    return unit;
  }

  private LocalDate today() {
    return BusinessTime.today(clock);
  }

  private LocalDate dayOr(LocalDate asOf) {
    return asOf != null ? asOf : today();
  }

  // ------------------------------------------------------------------ for the demo data

  /** Whether the unit exists, whatever the caller's scope: one primary-key lookup. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return repo.find(id).isPresent();
  }
}
