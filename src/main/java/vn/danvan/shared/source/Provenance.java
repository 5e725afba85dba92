package vn.danvan.shared.source;

import java.time.OffsetDateTime;

/**
 * Where a record comes from when another system pushed it (DESIGN §9): the source system, the
 * record's key there, the source's own version of it and when the source last changed it. A record
 * with a source key is owned by that system. All four are null for records made in this API.
 */
public record Provenance(
    String sourceSystem, String sourceId, Long sourceVersion, OffsetDateTime sourceUpdatedAt) {

  public static final Provenance NONE = new Provenance(null, null, null, null);

  /**
   * The largest accepted {@code sourceVersion}: 2^53 - 1, the largest integer a JavaScript client
   * (IEEE 754 double) holds exactly. Versions start at 0.
   */
  public static final long MAX_SOURCE_VERSION = 9_007_199_254_740_991L;

  /** The record carries a source key, so that system owns it. */
  public boolean owned() {
    return sourceSystem != null;
  }

  /** The source key, or null. */
  public SourceKey key() {
    return sourceSystem == null ? null : new SourceKey(sourceSystem, sourceId);
  }

  /** This provenance with the key of {@code key} (a by-source PUT names the key in its path). */
  public Provenance withKey(SourceKey key) {
    return new Provenance(key.system(), key.id(), sourceVersion, sourceUpdatedAt);
  }
}
