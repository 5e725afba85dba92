package vn.danvan.shared.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.persistence.OrgUnitMode;

/** The conversions that tell which parameter failed, as JAX-RS converts parameters. */
class InvalidParameterTest {

  @Test
  void valuesOfTheirTypeConvert() {
    assertThat(InvalidParameter.converts(UUID.class, UUID.randomUUID().toString())).isTrue();
    assertThat(InvalidParameter.converts(LocalDate.class, "2026-01-01")).isTrue();
    assertThat(InvalidParameter.converts(OffsetDateTime.class, "2026-01-01T00:00:00+07:00"))
        .isTrue();
    assertThat(InvalidParameter.converts(Instant.class, "2026-01-01T00:00:00Z")).isTrue();
    assertThat(InvalidParameter.converts(Integer.class, "42")).isTrue();
    assertThat(InvalidParameter.converts(OrgUnitMode.class, "DESCENDANTS")).isTrue();
    assertThat(InvalidParameter.converts(String.class, "anything")).isTrue();
  }

  @Test
  void othersDoNot() {
    assertThat(InvalidParameter.converts(UUID.class, "not-a-uuid")).isFalse();
    assertThat(InvalidParameter.converts(LocalDate.class, "2024-13-45")).isFalse();
    assertThat(InvalidParameter.converts(OffsetDateTime.class, "2026-01-01")).isFalse();
    assertThat(InvalidParameter.converts(Integer.class, "abc")).isFalse();
    assertThat(InvalidParameter.converts(Long.class, "99999999999999999999")).isFalse();
    assertThat(InvalidParameter.converts(OrgUnitMode.class, "descendants")).isFalse();
  }

  @Test
  void restHeaderNamesAreHyphenated() {
    assertThat(InvalidParameter.hyphenate("ifMatch")).isEqualTo("If-Match");
    assertThat(InvalidParameter.hyphenate("idempotencyKey")).isEqualTo("Idempotency-Key");
  }
}
