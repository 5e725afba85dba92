package vn.danvan.shared.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.danvan.shared.error.ApiException;

/**
 * An opaque keyset cursor: the sort key of the last row of a page, tagged with the list it belongs
 * to so that a cursor of one list is refused by another. A cursor comes back from the caller, so
 * every key is checked against the type its list declares before it reaches SQL: a crafted cursor
 * is a 400 {@code INVALID_CURSOR}, never a failed cast in the database.
 */
public final class Cursor {

  /** The pointer of a cursor problem: the {@code cursor} query parameter. */
  public static final String POINTER = "/query/cursor";

  /** Longer than any cursor this API hands out (two keys of a list tag and a unit name). */
  static final int MAX_LENGTH = 2048;

  private static final int MAX_TEXT = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** The type of one key of a cursor; a key that does not parse as its type is refused. */
  public enum KeyType {
    UUID,
    /** A non-negative 64-bit integer. */
    LONG,
    /** A non-negative 32-bit integer (an offset). */
    INT,
    /** A PostgreSQL {@code xid8}: an unsigned 64-bit integer in decimal. */
    XID,
    /** A calendar date {@code YYYY-MM-DD}, years 0001–9999. */
    DATE,
    /** An RFC 3339 instant, years 0001–9999. */
    INSTANT,
    /** Text without U+0000, at most 1000 characters. */
    TEXT
  }

  /** The decoded keys, each already of its declared type. */
  public static final class Keys {
    private final List<Object> values;

    private Keys(List<Object> values) {
      this.values = values;
    }

    public UUID uuid(int i) {
      return (UUID) values.get(i);
    }

    public long longValue(int i) {
      return (Long) values.get(i);
    }

    public int intValue(int i) {
      return (Integer) values.get(i);
    }

    /** An {@link KeyType#XID} key, as the decimal text PostgreSQL casts to {@code xid8}. */
    public String xid(int i) {
      return (String) values.get(i);
    }

    public LocalDate date(int i) {
      return (LocalDate) values.get(i);
    }

    public Instant instant(int i) {
      return (Instant) values.get(i);
    }

    public OffsetDateTime offsetDateTime(int i) {
      return instant(i).atOffset(ZoneOffset.UTC);
    }

    public String text(int i) {
      return (String) values.get(i);
    }

    public int size() {
      return values.size();
    }
  }

  private Cursor() {}

  /**
   * The tag of a list read with {@code filters} (the typed query record of the list, without its
   * page parameters): the list's name and a short hash of the filters. A cursor encoded under one
   * tag is refused under another, so a cursor cannot be replayed with other filters (400 {@code
   * INVALID_CURSOR}), which would skip or repeat rows silently.
   */
  public static String tag(String list, Object filters) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(filters).getBytes(StandardCharsets.UTF_8));
      return list
          + "~"
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(java.util.Arrays.copyOf(digest, 9));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String encode(String list, Object... keys) {
    ObjectNode body = JSON.createObjectNode();
    body.put("l", list);
    var k = body.putArray("k");
    for (Object key : keys) {
      k.add(key == null ? null : key.toString());
    }
    try {
      byte[] json = JSON.writeValueAsBytes(body);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The keys of a cursor of {@code list}, one per declared type, or 400 {@code INVALID_CURSOR}
   * (pointer {@value #POINTER}) for anything else: not base64url, not JSON, another list, a missing
   * or extra key, a null, or a key that is not of its type.
   */
  public static Keys decode(String list, String cursor, KeyType... types) {
    return decodeParameter("cursor", list, cursor, types);
  }

  /** As {@link #decode}, for a cursor sent in the query parameter {@code parameter}. */
  public static Keys decodeParameter(
      String parameter, String list, String cursor, KeyType... types) {
    try {
      return decode0(list, cursor, types);
    } catch (ApiException e) {
      throw "cursor".equals(parameter) ? e : invalid("/query/" + parameter);
    }
  }

  /**
   * As {@link #decodeParameter}, accepting a cursor of {@code list} read with any filters (any
   * {@link #tag} of it): for a position that means the same whatever the filters were, such as a
   * change feed's position used to rewind a subscription.
   */
  public static Keys decodeAnyFilters(
      String parameter, String list, String cursor, KeyType... types) {
    try {
      JsonNode body =
          JSON.readTree(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)));
      JsonNode tag = body == null ? null : body.get("l");
      if (tag != null && tag.isTextual() && tag.textValue().startsWith(list + "~")) {
        return decodeParameter(parameter, tag.textValue(), cursor, types);
      }
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      // reported below like any other malformed cursor
    }
    return decodeParameter(parameter, list + "~", cursor, types);
  }

  private static Keys decode0(String list, String cursor, KeyType... types) {
    if (cursor == null || cursor.length() > MAX_LENGTH) {
      throw invalid();
    }
    try {
      JsonNode body =
          JSON.readTree(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)));
      if (body == null || !body.isObject() || body.size() != 2) {
        throw invalid();
      }
      JsonNode tag = body.get("l");
      JsonNode keys = body.get("k");
      if (tag == null
          || !tag.isTextual()
          || !list.equals(tag.textValue())
          || keys == null
          || !keys.isArray()
          || keys.size() != types.length) {
        throw invalid();
      }
      List<Object> values = new ArrayList<>(types.length);
      Iterator<JsonNode> it = keys.elements();
      for (KeyType type : types) {
        JsonNode key = it.next();
        if (!key.isTextual()) {
          throw invalid();
        }
        values.add(parse(type, key.textValue()));
      }
      return new Keys(values);
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      // IllegalArgumentException of base64, IOException of JSON, DateTimeException, …
      throw invalid();
    }
  }

  private static Object parse(KeyType type, String s) {
    return switch (type) {
      case UUID -> {
        if (!UUID_TEXT.matcher(s).matches()) {
          throw invalid();
        }
        yield java.util.UUID.fromString(s);
      }
      case LONG -> {
        if (!DIGITS.matcher(s).matches()) {
          throw invalid();
        }
        yield Long.parseLong(s);
      }
      case INT -> {
        if (!DIGITS.matcher(s).matches()) {
          throw invalid();
        }
        yield Integer.parseInt(s);
      }
      case XID -> {
        if (!DIGITS.matcher(s).matches()) {
          throw invalid();
        }
        yield Long.toUnsignedString(Long.parseUnsignedLong(s));
      }
      case DATE -> {
        if (!DATE_TEXT.matcher(s).matches()) {
          throw invalid();
        }
        LocalDate d = LocalDate.parse(s);
        if (d.getYear() < 1) {
          throw invalid();
        }
        yield d;
      }
      case INSTANT -> {
        if (s.length() > 40 || !DATE_TEXT.matcher(s).lookingAt()) {
          throw invalid();
        }
        Instant at = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        int year = at.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
          throw invalid();
        }
        yield at;
      }
      case TEXT -> {
        if (s.length() > MAX_TEXT || s.indexOf('\u0000') >= 0) {
          throw invalid();
        }
        yield s;
      }
    };
  }

  static ApiException invalid() {
    return invalid(POINTER);
  }

  private static ApiException invalid(String pointer) {
    return new ApiException(
        400,
        "INVALID_CURSOR",
        List.of(ApiException.FieldError.of(pointer, "field.INVALID_CURSOR")));
  }
}
