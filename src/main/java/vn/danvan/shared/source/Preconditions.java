package vn.danvan.shared.source;

import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.http.ETags;

/**
 * The conditions of an upsert ({@code PUT} by id or by source key): {@code If-Match} names the
 * version a replace is based on; {@code If-None-Match: *} makes the request create-only.
 */
public record Preconditions(Long ifMatch, boolean createOnly, boolean unconditional) {

  /** A PUT without conditions: creates, or replaces only as {@link SourceWrites#replace} allows. */
  public static final Preconditions NONE = new Preconditions(null, false, false);

  /**
   * A bulk import's item: replaces an existing record without If-Match (the import is an explicit
   * overwrite by a caller allowed to write it); ownership and source order still apply.
   */
  public static final Preconditions IMPORT = new Preconditions(null, false, true);

  /** From the two headers; 400 when If-None-Match is anything but {@code *}, 412 for a bad ETag. */
  public static Preconditions of(String ifMatch, String ifNoneMatch) {
    boolean createOnly = false;
    if (ifNoneMatch != null) {
      if (!ifNoneMatch.trim().equals("*")) {
        throw ApiException.invalid("/header/If-None-Match", "field.IF_NONE_MATCH_STAR");
      }
      createOnly = true;
    }
    Long version = ifMatch == null || ifMatch.isBlank() ? null : ETags.requireVersion(ifMatch);
    if (createOnly && version != null) {
      throw ApiException.invalid("/header/If-None-Match", "field.IF_NONE_MATCH_STAR");
    }
    return new Preconditions(version, createOnly, false);
  }
}
