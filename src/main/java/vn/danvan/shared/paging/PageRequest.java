package vn.danvan.shared.paging;

import vn.danvan.shared.error.ApiException;

/** {@code limit} (default 50, 1–500) and an optional cursor, validated once for every list. */
public record PageRequest(int limit, String cursor) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public static PageRequest of(Integer limit, String cursor) {
    int l = limit == null ? DEFAULT_LIMIT : limit;
    if (l < 1 || l > MAX_LIMIT) {
      throw ApiException.invalid("/query/limit", "field.LIMIT_RANGE", MAX_LIMIT);
    }
    return new PageRequest(l, cursor == null || cursor.isBlank() ? null : cursor);
  }

  /** The typed keys of the cursor (null on the first page), or 400 {@code INVALID_CURSOR}. */
  public Cursor.Keys keys(String list, Cursor.KeyType... types) {
    return cursor == null ? null : Cursor.decode(list, cursor, types);
  }

  /** Rows to fetch: one more than shown, to know whether a next page exists. */
  public int fetchSize() {
    return limit + 1;
  }
}
