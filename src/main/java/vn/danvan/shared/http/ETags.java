package vn.danvan.shared.http;

import jakarta.ws.rs.core.EntityTag;
import vn.danvan.shared.error.ApiException;

/**
 * Versions as strong ETags ({@code "3"}) and the If-Match rules: 428 when absent, 412 when stale.
 */
public final class ETags {

  private ETags() {}

  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version named by {@code If-Match}; {@code *} is not accepted: a change names its base. */
  public static long requireVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiException(428, "PRECONDITION_REQUIRED");
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      long version = Long.parseLong(tag);
      if (version < 0) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw new ApiException(412, "INVALID_ETAG");
    }
  }

  /** 412 unless the current version is the one the caller based its change on. */
  public static void check(long expected, long current) {
    if (expected != current) {
      throw new ApiException(412, "PRECONDITION_FAILED");
    }
  }
}
