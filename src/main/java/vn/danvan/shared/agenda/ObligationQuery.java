package vn.danvan.shared.agenda;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * What the agenda asks every {@link ObligationSource}, already checked and resolved by the agenda:
 * the unit is in the caller's scope, dates are valid, the cursor decoded.
 *
 * @param unitId the selected unit (a current or closed unit; null: every unit the caller sees)
 * @param mode how the selected unit selects owing units ({@link
 *     vn.danvan.shared.persistence.UnitFilter}: by the owning unit's stored path)
 * @param roots the roots of a restricted caller's scope, matched against the owning unit's path
 *     ({@code path && :roots}); null when the caller sees everything
 * @param kinds the kinds wanted (never empty); a source answers only those of its own among them
 * @param state only obligations in this state on {@code day}; null for all
 * @param dueFrom only obligations due on or after this day; null for no bound
 * @param dueTo only obligations due on or before this day; null for no bound
 * @param day the day the states are computed for ({@code asOf}, or today in Viet Nam)
 * @param after the key of the last entry of the previous page (exclusive); null for the first page
 * @param descending latest due date first (the whole order reversed)
 * @param limit the most entries a source returns
 */
public record ObligationQuery(
    UUID unitId,
    OrgUnitMode mode,
    UUID[] roots,
    Set<ObligationKind> kinds,
    ObligationState state,
    LocalDate dueFrom,
    LocalDate dueTo,
    LocalDate day,
    ObligationKey after,
    boolean descending,
    int limit) {

  /** Whether the query wants any of these kinds. */
  public boolean wantsAny(Set<ObligationKind> own) {
    return own.stream().anyMatch(kinds::contains);
  }

  /**
   * For a source of one kind: the id that, with the cursor's due date, bounds its rows in SQL as
   * {@code (due_date, id) > (after.dueDate, this)} ascending ({@code <} descending): the cursor's
   * id for the cursor's kind; below every id when the cursor's kind sorts before {@code kind} (all
   * its rows of that day are still ahead ascending, all already shown descending); above every id
   * when it sorts after. Null without a cursor.
   */
  public UUID afterIdFor(ObligationKind kind) {
    if (after == null) {
      return null;
    }
    int c = after.kind().name().compareTo(kind.name());
    return c < 0 ? ObligationKey.MIN_ID : c > 0 ? ObligationKey.MAX_ID : after.id();
  }

  /** Whether {@code key} comes after the cursor in the query's order (always, without one). */
  public boolean isAfterCursor(ObligationKey key) {
    if (after == null) {
      return true;
    }
    int c = key.compareTo(after);
    return descending ? c < 0 : c > 0;
  }
}
