package vn.danvan.sync;

import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The filters of a feed read: entity types (sorted, empty for all) and a unit with its mode (null
 * for all). The cursor is bound to them ({@code Cursor.tag}); {@code include} is not a filter.
 */
record ChangeFeedQuery(List<String> types, UUID unitId, OrgUnitMode mode) {}
