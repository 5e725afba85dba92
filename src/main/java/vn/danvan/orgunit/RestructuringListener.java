package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Implemented by features that hold open work of units (tasks, cases, report obligations): called
 * inside the restructuring's transaction, after the tree has changed, to pass the open work of each
 * closed unit to its successor. History stays attributed to the unit as it was. Throw an {@link
 * vn.danvan.shared.error.ApiException} to refuse the restructuring (e.g. open work and no
 * successor); a dry run calls listeners too and then rolls everything back.
 */
public interface RestructuringListener {

  List<Transfer> onRestructured(Event event);

  /** A closed unit and the unit that takes over its open work (null when none was named). */
  record Succession(UUID predecessorId, UUID successorId, LineageKind kind) {}

  /**
   * One restructuring. {@code relocatedUnitIds}: the units whose place in the tree (path) changes
   * from the effective date — a moved unit, the children of a merged unit, and everything below
   * them — so that features storing unit paths can make them follow the tree.
   */
  record Event(
      UUID restructuringId,
      RestructuringKind kind,
      LocalDate effectiveDate,
      List<Succession> successions,
      Set<UUID> relocatedUnitIds) {

    public Event {
      successions = List.copyOf(successions);
      relocatedUnitIds = Set.copyOf(relocatedUnitIds);
    }

    /** An event that relocates no unit. */
    public Event(
        UUID restructuringId,
        RestructuringKind kind,
        LocalDate effectiveDate,
        List<Succession> successions) {
      this(restructuringId, kind, effectiveDate, successions, Set.of());
    }

    /**
     * Each closed unit's one successor, for work that has a single owning unit: the unit that took
     * it in full, else the first one named. Units that continue themselves are left out.
     */
    public Map<UUID, UUID> successorOfEach() {
      Map<UUID, UUID> successor = new LinkedHashMap<>();
      Set<UUID> takenInFull = new HashSet<>();
      for (Succession s : successions) {
        if (s.successorId() == null || Objects.equals(s.predecessorId(), s.successorId())) {
          continue;
        }
        if (s.kind() == LineageKind.FULL && takenInFull.add(s.predecessorId())) {
          successor.put(s.predecessorId(), s.successorId());
        } else {
          successor.putIfAbsent(s.predecessorId(), s.successorId());
        }
      }
      return successor;
    }
  }

  @Schema(
      name = "RestructuringTransfer",
      description = "Số việc còn dở của một loại được chuyển từ đơn vị này sang đơn vị kia.")
  record Transfer(
      @Schema(description = "Loại việc.", examples = "TASK") String entityType,
      @Schema(description = "Từ đơn vị.") UUID fromUnitId,
      @Schema(description = "Sang đơn vị.") UUID toUnitId,
      @Schema(description = "Số lượng.", examples = "3") int count) {}
}
