package vn.danvan.shared.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller, the same for both run modes: a name, roles and a home unit (from the demo account, or
 * from the {@code unit_id} claim of the OIDC access token).
 */
@RequestScoped
public class CurrentUser {

  @Inject SecurityIdentity identity;

  @ConfigProperty(name = "danvan.security.unit-claim", defaultValue = "unit_id")
  String unitClaim;

  @ConfigProperty(name = "danvan.security.source-system-claim", defaultValue = "source_system")
  String sourceSystemClaim;

  private Optional<UUID> homeUnit;
  private String systemActor;

  /**
   * Makes this request act as the system (admin rights, no home unit), for work the service does on
   * its own such as loading the demo world. Needs an active request context.
   */
  public void actAsSystem(String actor) {
    this.systemActor = actor;
  }

  public String username() {
    if (systemActor != null) {
      return systemActor;
    }
    if (identity.isAnonymous()) {
      return "anonymous";
    }
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      String preferred = jwt.getClaim("preferred_username");
      if (preferred != null) {
        return preferred;
      }
    }
    return identity.getPrincipal().getName();
  }

  public Set<String> roles() {
    if (systemActor != null) {
      return Set.of(Roles.ADMIN);
    }
    return new TreeSet<>(identity.getRoles());
  }

  public boolean hasRole(String role) {
    return (systemActor != null && Roles.ADMIN.equals(role)) || identity.hasRole(role);
  }

  public boolean isAdmin() {
    return hasRole(Roles.ADMIN);
  }

  /** The home unit, or empty when the token carries none (such a caller sees nothing scoped). */
  public Optional<UUID> homeUnitId() {
    if (homeUnit == null) {
      homeUnit = resolveHomeUnit();
    }
    return homeUnit;
  }

  /**
   * The system of record this caller speaks for: the {@code source_system} claim of an integration
   * client's token (a user attribute of its service account in the realm), or the demo integration
   * account's. Records pushed with this system's source keys are owned by it. Empty for people and
   * for the system itself.
   */
  public Optional<String> sourceSystem() {
    if (systemActor != null || identity.isAnonymous()) {
      return Optional.empty();
    }
    Object attribute = identity.getAttribute(DemoAccountIdentityProvider.SOURCE_SYSTEM_ATTRIBUTE);
    if (attribute instanceof String s) {
      return Optional.of(s);
    }
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      Object claim = jwt.getClaim(sourceSystemClaim);
      if (claim != null) {
        String value = claim.toString().replace("\"", "").trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private Optional<UUID> resolveHomeUnit() {
    Object attribute = identity.getAttribute(DemoAccountIdentityProvider.HOME_UNIT_ATTRIBUTE);
    if (attribute instanceof UUID id) {
      return Optional.of(id);
    }
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      Object claim = jwt.getClaim(unitClaim);
      if (claim != null) {
        try {
          return Optional.of(UUID.fromString(claim.toString().replace("\"", "").trim()));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
