package vn.danvan.reception;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;

/**
 * The four provenance fields of the reception requests and rows: read from a body (key checked,
 * pointers {@code /sourceSystem}, {@code /sourceId}), matched against a by-source path, stored.
 */
final class SourceFields {

  private SourceFields() {}

  /** The provenance of stored columns; {@link Provenance#NONE} when the row has none. */
  static Provenance provenance(String system, String id, Long version, Instant updatedAt) {
    if (system == null && id == null && version == null && updatedAt == null) {
      return Provenance.NONE;
    }
    return new Provenance(
        system, id, version, updatedAt == null ? null : updatedAt.atOffset(ZoneOffset.UTC));
  }

  /**
   * The provenance a body names: 400 when only one half of the key is given or it is malformed. A
   * version without a key is kept (a push to a record that already has its key).
   */
  static Provenance incoming(String system, String id, Long version, OffsetDateTime updatedAt) {
    if (system == null && id == null) {
      return version == null && updatedAt == null
          ? Provenance.NONE
          : new Provenance(null, null, version, updatedAt);
    }
    if (system == null) {
      throw ApiException.invalid("/sourceSystem", "field.REQUIRED");
    }
    if (id == null) {
      throw ApiException.invalid("/sourceId", "field.REQUIRED");
    }
    SourceKey key = SourceKey.of(system, id, "/sourceSystem", "/sourceId");
    return new Provenance(key.system(), key.id(), version, updatedAt);
  }

  /**
   * A body's provenance under a by-source path: body key fields, when present, equal the path's.
   */
  static Provenance underPath(Provenance body, SourceKey path) {
    path.requireBodyMatches(body.sourceSystem(), body.sourceId());
    return body.withKey(path);
  }

  /** A new record's provenance: a source version or time needs a source key (400 otherwise). */
  static Provenance forNew(Provenance p) {
    if (!p.owned() && (p.sourceVersion() != null || p.sourceUpdatedAt() != null)) {
      throw ApiException.invalid("/sourceId", "field.REQUIRED");
    }
    return p;
  }
}
