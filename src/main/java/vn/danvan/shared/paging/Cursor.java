package vn.danvan.shared.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import vn.danvan.shared.error.ApiException;

/**
 * An opaque keyset cursor: the sort key of the last row of a page, tagged with the list it belongs
 * to so that a cursor of one list is refused by another.
 */
public final class Cursor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Body(String l, List<String> k) {}

  private Cursor() {}

  public static String encode(String list, Object... keys) {
    List<String> values =
        java.util.Arrays.stream(keys).map(k -> k == null ? null : k.toString()).toList();
    try {
      byte[] json = JSON.writeValueAsBytes(new Body(list, values));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The keys of a cursor of {@code list}, or 400 {@code INVALID_CURSOR}. */
  public static List<String> decode(String list, String cursor, int expectedKeys) {
    try {
      Body body =
          JSON.readValue(
              Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)),
              Body.class);
      if (!list.equals(body.l()) || body.k() == null || body.k().size() != expectedKeys) {
        throw new IllegalArgumentException();
      }
      return body.k();
    } catch (Exception e) {
      throw ApiException.badRequest("INVALID_CURSOR");
    }
  }
}
