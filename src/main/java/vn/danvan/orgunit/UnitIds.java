package vn.danvan.orgunit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic ids of the units of the national data set. The demo data, the national loader and
 * the identity provider's realm (a user's home unit) all name units by these ids, so the scheme is
 * fixed: changing it orphans every reference.
 *
 * <p>Ids are version-4-shaped UUIDs whose last two groups carry the level and the official code:
 * {@code 00000000-0000-4000-LLLL-XXXXXXXXXXXX}. The official code goes in as decimal digits, so an
 * id can be read back by eye (Gò Vấp district 764 is {@code ...-8002-000000000764}).
 */
public final class UnitIds {

  /** Chính phủ, the root of the tree. */
  public static final UUID ROOT = UUID.fromString("00000000-0000-4000-8000-000000000000");

  /** Thủ tướng Chính phủ. */
  public static final UUID PRIME_MINISTER = UUID.fromString("00000000-0000-4000-8000-000000000001");

  /** Thanh tra Chính phủ. */
  public static final UUID GOVERNMENT_INSPECTORATE =
      UUID.fromString("00000000-0000-4000-8000-000000000002");

  /** Bộ Nội vụ. */
  public static final UUID MINISTRY_OF_HOME_AFFAIRS =
      UUID.fromString("00000000-0000-4000-8000-000000000003");

  private static final long MSB = 0x0000_0000_0000_4000L;

  private UnitIds() {}

  /**
   * A province of the 2019–2025 list, or a 2025 province that continues it under the same code (Hà
   * Nội {@code 01}, Thành phố Hồ Chí Minh {@code 79}).
   */
  public static UUID province(String code) {
    return id(0x8001, 0x0000_0000_0000L, digits(code, 2, "province"));
  }

  /**
   * A 2025 province that is a new unit formed by merger, even when it reuses a predecessor's code
   * (An Giang 2025 carries Kiên Giang's {@code 91}).
   */
  public static UUID newProvince(String code) {
    return id(0x8001, 0x1000_0000_0000L, digits(code, 2, "province"));
  }

  /** A district (abolished on 1 July 2025), by its 3-digit code. */
  public static UUID district(String code) {
    return id(0x8002, 0, digits(code, 3, "district"));
  }

  /** A commune of the list before 1 July 2025, by its 5-digit code. */
  public static UUID oldCommune(String code) {
    return id(0x8003, 0, digits(code, 5, "commune"));
  }

  /** A commune from 1 July 2025 (xã, phường, đặc khu), by its 5-digit code. */
  public static UUID newCommune(String code) {
    return id(0x8004, 0, digits(code, 5, "commune"));
  }

  /**
   * A department (sở, phòng, ban, thanh tra, văn phòng) of a unit. The key names the function in
   * UPPER_SNAKE_CASE ({@code NOI_VU}, {@code THANH_TRA}, {@code VAN_PHONG}, {@code TNMT}, {@code
   * QLDT}), so the same department of the same parent always gets the same id.
   */
  public static UUID department(UUID parentId, String deptKey) {
    Objects.requireNonNull(parentId, "parentId");
    if (deptKey == null || !deptKey.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
      throw new IllegalArgumentException("department key must be UPPER_SNAKE_CASE: " + deptKey);
    }
    return UUID.nameUUIDFromBytes(("dept:" + parentId + ":" + deptKey).getBytes(UTF_8));
  }

  private static UUID id(int level, long high, long code) {
    return new UUID(MSB, ((long) level << 48) | high | code);
  }

  /** The code's digits read as a hexadecimal number, so that they print unchanged in the id. */
  private static long digits(String code, int length, String what) {
    if (code == null
        || code.length() != length
        || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("a " + what + " code has " + length + " digits: " + code);
    }
    return Long.parseLong(code, 16);
  }
}
