package vn.danvan.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor.KeyType;

/** The typed cursor codec: what it hands out comes back typed; anything else is INVALID_CURSOR. */
class CursorTest {

  private static String raw(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void refused(String cursor, KeyType... types) {
    assertThatThrownBy(() -> Cursor.decode("l", cursor, types))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_CURSOR");
              assertThat(e.errors())
                  .extracting(ApiException.FieldError::pointer)
                  .containsExactly("/query/cursor");
            });
  }

  @Test
  void everyTypeRoundTrips() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-03-05T01:30:00.123456Z");
    String cursor =
        Cursor.encode(
            "l", id, 42L, 7, "18446744073709551615", LocalDate.of(2026, 3, 5), at, "Tên đơn vị");
    Cursor.Keys keys =
        Cursor.decode(
            "l",
            cursor,
            KeyType.UUID,
            KeyType.LONG,
            KeyType.INT,
            KeyType.XID,
            KeyType.DATE,
            KeyType.INSTANT,
            KeyType.TEXT);
    assertThat(keys.uuid(0)).isEqualTo(id);
    assertThat(keys.longValue(1)).isEqualTo(42L);
    assertThat(keys.intValue(2)).isEqualTo(7);
    assertThat(keys.xid(3)).isEqualTo("18446744073709551615");
    assertThat(keys.date(4)).isEqualTo(LocalDate.of(2026, 3, 5));
    assertThat(keys.instant(5)).isEqualTo(at);
    assertThat(keys.text(6)).isEqualTo("Tên đơn vị");
  }

  @Test
  void anOffsetDateTimeWithoutSecondsIsAnInstant() {
    Cursor.Keys keys =
        Cursor.decode("l", raw("{\"l\":\"l\",\"k\":[\"2026-01-01T00:00Z\"]}"), KeyType.INSTANT);
    assertThat(keys.instant(0)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void wrongKeysAreRefused() {
    refused(raw("{\"l\":\"l\",\"k\":[\"x\"]}"), KeyType.UUID);
    refused(raw("{\"l\":\"l\",\"k\":[\"x\"]}"), KeyType.DATE);
    refused(raw("{\"l\":\"l\",\"k\":[\"x\"]}"), KeyType.INSTANT);
    refused(raw("{\"l\":\"l\",\"k\":[\"x\"]}"), KeyType.LONG);
    refused(raw("{\"l\":\"l\",\"k\":[\"-1\"]}"), KeyType.LONG);
    refused(raw("{\"l\":\"l\",\"k\":[\"99999999999999999999\"]}"), KeyType.LONG);
    refused(raw("{\"l\":\"l\",\"k\":[\"18446744073709551616\"]}"), KeyType.XID);
    refused(raw("{\"l\":\"l\",\"k\":[\"2147483648\"]}"), KeyType.INT);
    refused(raw("{\"l\":\"l\",\"k\":[\"+999999999-12-31\"]}"), KeyType.DATE);
    refused(raw("{\"l\":\"l\",\"k\":[\"0000-01-01\"]}"), KeyType.DATE);
    refused(raw("{\"l\":\"l\",\"k\":[\"+10000-01-01T00:00:00Z\"]}"), KeyType.INSTANT);
    refused(raw("{\"l\":\"l\",\"k\":[\"a\\u0000\"]}"), KeyType.TEXT);
    refused(raw("{\"l\":\"l\",\"k\":[5]}"), KeyType.LONG);
    refused(raw("{\"l\":\"l\",\"k\":[null]}"), KeyType.TEXT);
    refused(raw("{\"l\":\"l\",\"k\":[\"1\",\"2\"]}"), KeyType.LONG);
    refused(raw("{\"l\":\"l\",\"k\":[]}"), KeyType.LONG);
    refused(raw("{\"l\":\"other\",\"k\":[\"1\"]}"), KeyType.LONG);
    refused(raw("{\"l\":\"l\",\"k\":[\"1\"],\"x\":1}"), KeyType.LONG);
    refused(raw("[\"l\"]"), KeyType.LONG);
    refused(raw("not json"), KeyType.LONG);
    refused("***", KeyType.LONG);
    refused("A".repeat(3000), KeyType.LONG);
  }

  @Test
  void anotherParameterIsNamedInThePointer() {
    assertThatThrownBy(() -> Cursor.decodeParameter("after", "l", "***", KeyType.LONG))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ApiException.FieldError::pointer)
                    .containsExactly("/query/after"));
  }

  record Filters(UUID unit, String status) {}

  @Test
  void aCursorIsBoundToTheFiltersOfItsList() {
    UUID unit = UUID.randomUUID();
    String tag = Cursor.tag("tasks", new Filters(unit, "NEW"));
    assertThat(Cursor.tag("tasks", new Filters(unit, "NEW"))).isEqualTo(tag);
    String cursor = Cursor.encode(tag, "2026-01-01", unit);
    assertThat(Cursor.decode(tag, cursor, KeyType.DATE, KeyType.UUID).uuid(1)).isEqualTo(unit);
    for (String other :
        new String[] {
          Cursor.tag("tasks", new Filters(unit, "DONE")),
          Cursor.tag("tasks", new Filters(null, "NEW")),
          Cursor.tag("directives", new Filters(unit, "NEW"))
        }) {
      assertThat(other).isNotEqualTo(tag);
      assertThatThrownBy(() -> Cursor.decode(other, cursor, KeyType.DATE, KeyType.UUID))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_CURSOR"));
    }
  }
}
