package vn.danvan.shared.paging;

import java.util.List;
import vn.danvan.shared.error.ApiException;

/** {@code limit} (default 50, 1–500) and an optional cursor, validated once for every list. */
public record PageRequest(int limit, String cursor) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public static PageRequest of(Integer limit, String cursor) {
    int l = limit == null ? DEFAULT_LIMIT : limit;
    if (l < 1 || l > MAX_LIMIT) {
      throw ApiException.invalid("/limit", "field.LIMIT_RANGE", MAX_LIMIT);
    }
    return new PageRequest(l, cursor == null || cursor.isBlank() ? null : cursor);
  }

  public List<String> keys(String list, int expected) {
    return cursor == null ? null : Cursor.decode(list, cursor, expected);
  }

  /** Rows to fetch: one more than shown, to know whether a next page exists. */
  public int fetchSize() {
    return limit + 1;
  }
}
