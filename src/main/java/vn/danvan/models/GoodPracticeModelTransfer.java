package vn.danvan.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.RestructuringListener;
import vn.danvan.shared.audit.AuditTrail;

/**
 * What a restructuring does to the models of good practice, as it does to tasks ({@code
 * TaskTransfer}):
 *
 * <ul>
 *   <li>a model still REGISTERED or IMPLEMENTING passes each closed unit of it (lead or co-unit) to
 *       the unit's successor — the one that took it in full, else the first named — with the
 *       successor's path on the effective date (audit event {@code
 *       GOOD_PRACTICE_MODEL_UNITS_PASSED_ON}, counted in the restructuring's transfers);
 *   <li>a RECOGNISED or DISCONTINUED model keeps its units: the history names the unit that did it.
 *       A closed unit never gets a version from the effective date, so its stored path stays the
 *       one it last had, as a finished task of a closed unit keeps its lead's path: the list
 *       filters find it under the unit's former superiors, and the successor's readers see it
 *       through their scope (a scope's roots hold the lineage predecessors of its units);
 *   <li>every model, open or not, one of whose units moved in the tree (a moved unit, the children
 *       of a merged unit and all below them) takes the unit's path on the effective date, so that
 *       the scope and the {@code orgUnitMode} filters follow the tree; its version moves and an
 *       audit event {@code RESTRUCTURE_<kind>} with a feed entry is written (readers scoped to the
 *       new place learn of it).
 * </ul>
 *
 * Replications name units without paths: they stay as recorded. Runs inside the restructuring's
 * transaction (a dry run rolls it back too).
 */
@ApplicationScoped
class GoodPracticeModelTransfer implements RestructuringListener {

  /** The audit view after units passed on: the model and which unit passed to whom. */
  record UnitsPassedOn(
      GoodPracticeModelResponse model,
      UUID restructuringId,
      LocalDate effectiveDate,
      UUID fromUnitId,
      UUID toUnitId) {}

  /** The audit view of a model whose units' paths followed the tree. */
  record UnitPaths(Map<UUID, List<UUID>> unitPaths, LocalDate effectiveDate) {}

  @Inject GoodPracticeModelRepository repo;
  @Inject GoodPracticeModelService models;
  @Inject OrgUnitService units;
  @Inject AuditTrail audit;
  @Inject EntityManager em;
  @Inject Clock clock;

  @Override
  public List<Transfer> onRestructured(Event event) {
    List<Transfer> transfers = new ArrayList<>();
    event
        .successorOfEach()
        .forEach(
            (from, to) -> {
              int count = passOn(event, from, to);
              if (count > 0) {
                transfers.add(new Transfer(GoodPracticeModelService.ENTITY, from, to, count));
              }
            });
    followTree(event);
    return transfers;
  }

  /** The open models of {@code from} pass it to {@code to}; returns how many. */
  private int passOn(Event event, UUID from, UUID to) {
    Optional<OrgUnitResponse> successor =
        units.find(to, event.effectiveDate()).filter(OrgUnitResponse::active);
    if (successor.isEmpty()) {
      return 0;
    }
    UUID[] path = successor.get().path().toArray(UUID[]::new);
    List<AuditTrail.Change> changes = new ArrayList<>();
    for (GoodPracticeModel m : repo.openWithUnit(from)) {
      GoodPracticeModelResponse before = models.response(m);
      List<UUID> co = new ArrayList<>(List.of(m.coUnitIds));
      if (from.equals(m.leadUnitId)) {
        m.leadUnitId = to;
        co.remove(to);
      } else if (to.equals(m.leadUnitId) || co.contains(to)) {
        co.remove(from);
      } else {
        co.set(co.indexOf(from), to);
      }
      m.coUnitIds = co.toArray(UUID[]::new);
      m.updatedAt = Instant.now(clock);
      em.flush();
      repo.passUnit(m.id, from, to, path);
      changes.add(
          new AuditTrail.Change(
              m.id,
              m.leadUnitId,
              m.version,
              before,
              new UnitsPassedOn(
                  models.response(m), event.restructuringId(), event.effectiveDate(), from, to)));
    }
    audit.recordAll(
        "GOOD_PRACTICE_MODEL_UNITS_PASSED_ON",
        GoodPracticeModelService.ENTITY,
        AuditTrail.Operation.UPSERT,
        changes,
        null);
    return changes.size();
  }

  /** The unit rows of relocated units take the unit's path on the effective date. */
  private void followTree(Event event) {
    if (event.relocatedUnitIds().isEmpty()) {
      return;
    }
    List<GoodPracticeModelRepository.StoredUnit> rows = repo.rowsOfUnits(event.relocatedUnitIds());
    if (rows.isEmpty()) {
      return;
    }
    Set<UUID> unitIds = new LinkedHashSet<>();
    rows.forEach(r -> unitIds.add(r.unitId()));
    Map<UUID, List<UUID>> paths = units.pathsOn(unitIds, event.effectiveDate());
    List<GoodPracticeModelRepository.StoredUnit> changed = new ArrayList<>();
    Map<UUID, Map<UUID, List<UUID>>> before = new LinkedHashMap<>();
    Map<UUID, Map<UUID, List<UUID>>> after = new LinkedHashMap<>();
    for (GoodPracticeModelRepository.StoredUnit r : rows) {
      List<UUID> path = paths.get(r.unitId());
      if (path == null || Arrays.equals(r.path(), path.toArray())) {
        continue;
      }
      changed.add(
          new GoodPracticeModelRepository.StoredUnit(
              r.modelId(), r.unitId(), path.toArray(UUID[]::new)));
      before
          .computeIfAbsent(r.modelId(), k -> new LinkedHashMap<>())
          .put(r.unitId(), List.of(r.path()));
      after.computeIfAbsent(r.modelId(), k -> new LinkedHashMap<>()).put(r.unitId(), path);
    }
    if (changed.isEmpty()) {
      return;
    }
    em.flush();
    repo.repath(changed);
    List<AuditTrail.Change> changes = new ArrayList<>();
    for (GoodPracticeModelRepository.Bumped b :
        repo.bumpVersions(before.keySet(), Instant.now(clock))) {
      changes.add(
          new AuditTrail.Change(
              b.id(),
              b.leadUnitId(),
              b.version(),
              new UnitPaths(before.get(b.id()), null),
              new UnitPaths(after.get(b.id()), event.effectiveDate())));
    }
    audit.recordAll(
        "RESTRUCTURE_" + event.kind().name(),
        GoodPracticeModelService.ENTITY,
        AuditTrail.Operation.UPSERT,
        changes,
        null);
  }
}
