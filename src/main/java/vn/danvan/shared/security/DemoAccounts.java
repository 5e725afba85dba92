package vn.danvan.shared.security;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in accounts of the embedded run mode (HTTP Basic, password = username). Each has one
 * role and a home unit of the demo world. They exist only when demo accounts are enabled, which the
 * service refuses together with an external database.
 */
public final class DemoAccounts {

  /**
   * A demo account; {@code sourceSystem} is the system of record an integration account speaks for
   * (its records are owned by that system), null for people.
   */
  public record Account(String username, String role, UUID homeUnitId, String sourceSystem) {
    Account(String username, String role, UUID homeUnitId) {
      this(username, role, homeUnitId, null);
    }
  }

  public static final UUID ROOT = UUID.fromString("00000000-0000-4000-8000-000000000000");
  public static final UUID HA_NOI = UUID.fromString("00000000-0000-4000-8001-000000000001");
  public static final UUID HO_CHI_MINH = UUID.fromString("00000000-0000-4000-8001-000000000079");
  public static final UUID AN_HOI_TAY = UUID.fromString("00000000-0000-4000-8004-000000026882");
  public static final UUID THANH_TRA_HCM =
      UUID.nameUUIDFromBytes(
          ("dept:" + HO_CHI_MINH + ":THANH_TRA").getBytes(java.nio.charset.StandardCharsets.UTF_8));

  /** The source system of TP Hồ Chí Minh's integration account (its e-government platform). */
  public static final String HO_CHI_MINH_SOURCE_SYSTEM = "HCM-EGOV";

  /** The source system of Hà Nội's integration account. */
  public static final String HA_NOI_SOURCE_SYSTEM = "HN-EGOV";

  private static final Map<String, Account> ACCOUNTS =
      Map.of(
          "integration-hn",
          new Account("integration-hn", Roles.INTEGRATION, HA_NOI, HA_NOI_SOURCE_SYSTEM),
          "admin",
          new Account("admin", Roles.ADMIN, ROOT),
          "hcm-manager",
          new Account("hcm-manager", Roles.UNIT_MANAGER, HO_CHI_MINH),
          "ward-officer",
          new Account("ward-officer", Roles.OFFICER, AN_HOI_TAY),
          "reception",
          new Account("reception", Roles.RECEPTION_OFFICER, AN_HOI_TAY),
          "denunciation",
          new Account("denunciation", Roles.DENUNCIATION_HANDLER, THANH_TRA_HCM),
          "auditor",
          new Account("auditor", Roles.AUDITOR, HO_CHI_MINH),
          "viewer",
          new Account("viewer", Roles.VIEWER, HA_NOI),
          "integration",
          new Account("integration", Roles.INTEGRATION, HO_CHI_MINH, HO_CHI_MINH_SOURCE_SYSTEM));

  private DemoAccounts() {}

  public static Optional<Account> find(String username) {
    return Optional.ofNullable(ACCOUNTS.get(username));
  }

  public static Map<String, Account> all() {
    return ACCOUNTS;
  }
}
