package vn.danvan.orgunit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The filters of a list of units as of {@code day}; every filter is optional. Its text is the tag
 * of the list's cursors, so a cursor replayed with other filters is refused.
 *
 * @param q words searched in the name, short name and code, accents and case aside
 * @param parentId direct children of this unit
 * @param belowId the whole subtree strictly below this unit
 */
record OrgUnitQuery(
    LocalDate day, String q, OrgUnitKind kind, UUID parentId, String code, UUID belowId) {

  static OrgUnitQuery on(LocalDate day) {
    return new OrgUnitQuery(day, null, null, null, null, null);
  }
}
