package vn.danvan.shared.persistence;

import java.util.UUID;

/**
 * The one rule of the {@code orgUnitId} + {@code orgUnitMode} filters of lists and statistics, on a
 * row that stores its unit ({@code idColumn}) and the unit's path from the root, the unit itself
 * last ({@code pathColumn}, a {@code uuid[]}):
 *
 * <ul>
 *   <li>{@code SELECTED}: the unit itself;
 *   <li>{@code CHILDREN}: the unit and its direct children;
 *   <li>{@code DESCENDANTS}: the unit and its whole subtree.
 * </ul>
 */
public final class UnitFilter {

  private UnitFilter() {}

  /** The condition on the unit bound as {@code :param}; a null mode is {@code SELECTED}. */
  public static String condition(
      String idColumn, String pathColumn, String param, OrgUnitMode mode) {
    String unit = ":" + param;
    String subtree = pathColumn + " @> array[cast(" + unit + " as uuid)]";
    return switch (mode == null ? OrgUnitMode.SELECTED : mode) {
      case SELECTED -> idColumn + " = " + unit;
      case DESCENDANTS -> subtree;
      case CHILDREN ->
          subtree
              + " and ("
              + idColumn
              + " = "
              + unit
              + " or "
              + pathColumn
              + "[cardinality("
              + pathColumn
              + ") - 1] = "
              + unit
              + ")";
    };
  }

  /**
   * Adds the filter on {@code unit} (parameter {@code :unit}) to {@code where}; nothing when no
   * unit is given.
   */
  public static SqlWhere apply(
      SqlWhere where, String idColumn, String pathColumn, UUID unit, OrgUnitMode mode) {
    if (unit == null) {
      return where;
    }
    return where.add(condition(idColumn, pathColumn, "unit", mode), "unit", unit);
  }
}
