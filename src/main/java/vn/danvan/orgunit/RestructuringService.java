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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;

/**
 * Restructuring operations (merge, split, rename, move, dissolve) that close and open versions from
 * an effective date without ever rewriting history, record the lineage between old and new units,
 * and let the other features transfer the open work of the units that end ({@link
 * RestructuringListener}).
 */
@ApplicationScoped
public class RestructuringService {

  static final String RESTRUCTURING_ENTITY = "RESTRUCTURING";
  private static final String ENTITY = OrgUnitService.ENTITY;
  private static final Logger LOG = Logger.getLogger(RestructuringService.class);

  @Inject OrgUnitRepository repo;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject ObjectMapper mapper;
  @Inject Instance<RestructuringListener> listeners;

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
        new RestructuringListener.Event(r.id, req.kind(), r.eff, r.successions, r.relocated);
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

    /** Every unit whose path changes from the effective date (moved ones and their subtrees). */
    final Set<UUID> relocated = new LinkedHashSet<>();

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
      throw ApiException.unprocessable("MOVE_INTO_OWN_SUBTREE");
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
    List<OrgUnit> sources = new ArrayList<>();
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
      sources.add(unit);
    }
    return sources;
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
      throw ApiException.unknownUnit(pointer);
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
      throw ApiException.unprocessable("UNIT_HAS_CHILDREN");
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
    OrgUnitService.checkKind(parent, spec.kind(), r.eff);
    UUID id = spec.id() != null ? spec.id() : UUID.randomUUID();
    if (repo.find(id).isPresent()) {
      throw ApiException.conflict("ID_TAKEN");
    }
    OrgUnit unit = units.newUnit(id, spec.kind(), r.eff);
    OrgUnitService.newVersion(
        unit, parent, spec.name().trim(), spec.shortName(), spec.code(), r.eff);
    em.flush();
    r.created.add(unit);
    return unit;
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
        repo.versionOn(unit.id, eff)
            .orElseThrow(() -> ApiException.unprocessable("UNIT_NOT_VALID"));
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
        repo.versionOn(newParentId, eff)
            .orElseThrow(() -> ApiException.unprocessable("UNIT_NOT_VALID"));
    OrgUnitService.checkKind(parent, unit.kind, eff);
    UUID[] newPath = OrgUnitService.append(parent.path, unit.id);
    r.relocated.add(unit.id);
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
      r.relocated.add(d.unitId);
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
      throw ApiException.unprocessable("LATER_CHANGES_EXIST");
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
      for (OrgUnitRepository.UnitVersion bumped :
          repo.bumpVersions(r.rebased.keySet(), Instant.now(clock))) {
        UUID[][] paths = r.rebased.get(bumped.id());
        changes.add(
            new AuditTrail.Change(
                bumped.id(),
                bumped.id(),
                bumped.version(),
                Map.of("path", List.of(paths[0])),
                Map.of("path", List.of(paths[1]), "validFrom", r.eff.toString())));
      }
      audit.recordAll(action, ENTITY, AuditTrail.Operation.UPSERT, changes, r.req.legalBasis());
    }
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static UUID[] rebase(UUID[] path, UUID pivot, UUID[] pivotPath) {
    int i = Arrays.asList(path).indexOf(pivot);
    UUID[] out = Arrays.copyOf(pivotPath, pivotPath.length + path.length - i - 1);
    System.arraycopy(path, i + 1, out, pivotPath.length, path.length - i - 1);
    return out;
  }
}
