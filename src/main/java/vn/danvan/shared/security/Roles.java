package vn.danvan.shared.security;

/** The realm roles of the API (the same names in Keycloak and in the demo accounts). */
public final class Roles {
  public static final String ADMIN = "admin";
  public static final String UNIT_MANAGER = "unit-manager";
  public static final String OFFICER = "officer";
  public static final String RECEPTION_OFFICER = "reception-officer";
  public static final String DENUNCIATION_HANDLER = "denunciation-handler";
  public static final String AUDITOR = "auditor";
  public static final String VIEWER = "viewer";
  public static final String INTEGRATION = "integration";

  /** Every role of the realm (config {@code danvan.security.readers}), for read endpoints. */
  public static final String READERS = "${danvan.security.readers}";

  private Roles() {}
}
