package vn.danvan.dialogue;

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
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.RestructuringListener;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.time.BusinessTime;

/**
 * What a restructuring does to the dialogues, as it does to tasks ({@code TaskTransfer}):
 *
 * <ul>
 *   <li>a dialogue still PLANNED or ANNOUNCED of a closed commune passes to the commune's successor
 *       — the one that took it in full, else the first named, when it is commune-level — with the
 *       successor's path on the planned date, or on the effective date if that is later (audit
 *       event {@code DIALOGUE_UNIT_PASSED_ON}, counted in the restructuring's transfers); its
 *       deadlines do not change;
 *   <li>a dialogue held, with its results published, or cancelled keeps its unit: the history names
 *       the commune that held it. A closed unit never gets a version from the effective date, so
 *       its stored path stays the one it last had, as a finished task of a closed unit keeps its
 *       lead's path: the list filters find it under the commune's former superiors, and the
 *       successor's readers see it through their scope (a scope's roots hold the lineage
 *       predecessors of its units);
 *   <li>every dialogue, whatever its status, of a commune that moved in the tree (moved itself, or
 *       below a moved or merged unit) takes the commune's path on its planned date, or on the
 *       effective date if that is later (as a task takes its lead's path from the later of the
 *       effective date and the day its lead took over), so that the scope and the {@code
 *       orgUnitMode} filters follow the tree; its version moves and an audit event {@code
 *       RESTRUCTURE_<kind>} with a feed entry is written (readers scoped to the new place learn of
 *       it).
 * </ul>
 *
 * Runs inside the restructuring's transaction (a dry run rolls it back too).
 */
@ApplicationScoped
class DialogueTransfer implements RestructuringListener {

  /** The audit view after a dialogue passed on: the dialogue and the unit it passed from. */
  record UnitPassedOn(
      DialogueResponse dialogue, UUID restructuringId, LocalDate effectiveDate, UUID fromUnitId) {}

  /** The audit view of a dialogue whose path followed the tree. */
  record UnitPath(List<UUID> unitPath, LocalDate effectiveDate) {}

  @Inject DialogueRepository repo;
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
                transfers.add(new Transfer(DialogueService.ENTITY, from, to, count));
              }
            });
    followTree(event);
    return transfers;
  }

  /** The open dialogues of {@code from} pass to {@code to}; returns how many. */
  private int passOn(Event event, UUID from, UUID to) {
    LocalDate eff = event.effectiveDate();
    Optional<OrgUnitResponse> successor =
        units
            .find(to, eff)
            .filter(OrgUnitResponse::active)
            .filter(u -> u.kind() == OrgUnitKind.COMMUNE);
    if (successor.isEmpty()) {
      return 0;
    }
    LocalDate today = BusinessTime.today(clock);
    List<AuditTrail.Change> changes = new ArrayList<>();
    for (Dialogue d : repo.openOf(from)) {
      DialogueResponse before = DialogueResponse.of(d, today);
      OrgUnitResponse then =
          d.plannedDate.isAfter(eff)
              ? units
                  .find(to, d.plannedDate)
                  .filter(OrgUnitResponse::active)
                  .orElse(successor.get())
              : successor.get();
      d.unitId = to;
      d.unitPath = then.path().toArray(UUID[]::new);
      d.updatedAt = Instant.now(clock);
      em.flush();
      changes.add(
          new AuditTrail.Change(
              d.id,
              d.unitId,
              d.version,
              before,
              new UnitPassedOn(DialogueResponse.of(d, today), event.restructuringId(), eff, from)));
    }
    audit.recordAll(
        "DIALOGUE_UNIT_PASSED_ON",
        DialogueService.ENTITY,
        AuditTrail.Operation.UPSERT,
        changes,
        null);
    return changes.size();
  }

  /** The dialogues of relocated communes take the commune's path on the later of both days. */
  private void followTree(Event event) {
    if (event.relocatedUnitIds().isEmpty()) {
      return;
    }
    List<DialogueRepository.StoredPath> rows = repo.pathsOfUnits(event.relocatedUnitIds());
    if (rows.isEmpty()) {
      return;
    }
    LocalDate eff = event.effectiveDate();
    Set<OrgUnitService.UnitDay> keys = new LinkedHashSet<>();
    rows.forEach(r -> keys.add(dayOf(r, eff)));
    Map<OrgUnitService.UnitDay, OrgUnitResponse> found = units.findAll(keys);
    List<DialogueRepository.StoredPath> changed = new ArrayList<>();
    Map<UUID, UUID[]> before = new LinkedHashMap<>();
    for (DialogueRepository.StoredPath r : rows) {
      OrgUnitResponse u = found.get(dayOf(r, eff));
      if (u == null || Arrays.equals(r.path(), u.path().toArray())) {
        continue;
      }
      changed.add(
          new DialogueRepository.StoredPath(
              r.id(), r.unitId(), r.plannedDate(), u.path().toArray(UUID[]::new)));
      before.put(r.id(), r.path());
    }
    if (changed.isEmpty()) {
      return;
    }
    em.flush();
    Map<UUID, UUID[]> after = new LinkedHashMap<>();
    changed.forEach(r -> after.put(r.id(), r.path()));
    List<AuditTrail.Change> changes = new ArrayList<>();
    for (DialogueRepository.Bumped b : repo.repath(changed, Instant.now(clock))) {
      changes.add(
          new AuditTrail.Change(
              b.id(),
              b.unitId(),
              b.version(),
              new UnitPath(List.of(before.get(b.id())), null),
              new UnitPath(List.of(after.get(b.id())), eff)));
    }
    audit.recordAll(
        "RESTRUCTURE_" + event.kind().name(),
        DialogueService.ENTITY,
        AuditTrail.Operation.UPSERT,
        changes,
        null);
  }

  private static OrgUnitService.UnitDay dayOf(DialogueRepository.StoredPath r, LocalDate eff) {
    return new OrgUnitService.UnitDay(
        r.unitId(), r.plannedDate().isAfter(eff) ? r.plannedDate() : eff);
  }
}
