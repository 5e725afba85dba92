package vn.danvan.shared.agenda;

import java.time.YearMonth;
import java.util.UUID;

/**
 * How many obligations of one kind are in one state, within one group of the summary.
 *
 * @param unitId with {@link ObligationGrouping#CHILD_UNIT}: the unit the obligations count under
 *     (the unit at {@code groupLevel} in the owing unit's path, or the owing unit itself when its
 *     path is shorter); null otherwise
 * @param month with {@link ObligationGrouping#MONTH}: the month of the due date; null otherwise
 */
public record ObligationCount(
    ObligationKind kind, ObligationState state, UUID unitId, YearMonth month, long count) {}
