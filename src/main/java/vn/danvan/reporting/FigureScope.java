package vn.danvan.reporting;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a computed figure covers: the reporting unit's subtree on the tree of {@code treeDay} (the
 * period's last day) and the records dated in the period's data window, both days included; the
 * regime and period name the consolidation a {@link IndicatorSource#CONSOLIDATED} figure reads.
 */
public record FigureScope(
    UUID regimeId,
    String period,
    UUID unitId,
    LocalDate treeDay,
    LocalDate windowFrom,
    LocalDate windowTo) {}
