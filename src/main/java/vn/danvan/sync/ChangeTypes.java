package vn.danvan.sync;

import java.util.Arrays;
import java.util.List;
import vn.danvan.shared.audit.EntityType;

/**
 * The entity types the features write to the change log (the {@code ENTITY} constants passed to
 * {@code AuditTrail}): the values {@code types} accepts, with those of every {@code
 * FeedRecordSource}, listed in {@link EntityType}. ChangeCensusTest fails when a feature writes a
 * type missing here.
 */
final class ChangeTypes {

  static final List<String> KNOWN = Arrays.stream(EntityType.values()).map(Enum::name).toList();

  private ChangeTypes() {}
}
