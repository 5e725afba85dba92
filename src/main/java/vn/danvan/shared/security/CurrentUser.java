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
  private Principal acting;

  /**
   * A caller as stored for work done later on its behalf (a webhook subscription's owner): name,
   * roles, home unit (null: none) and the source system it speaks for (null: none).
   */
  public record Principal(
      String username, Set<String> roles, UUID homeUnitId, String sourceSystem) {
    public Principal {
      roles = Set.copyOf(roles);
    }
  }

  /**
   * Makes this request act as the system (admin rights, no home unit), for work the service does on
   * its own such as loading the demo world. Needs an active request context.
   */
  public void actAsSystem(String actor) {
    actAs(new Principal(actor, Set.of(Roles.ADMIN), null, null));
  }

  /**
   * Makes this request act as a stored principal, for background work done on its behalf: the
   * scope, roles and source system are the principal's. Call it first in a fresh request context
   * (request-scoped beans such as {@link UnitScope} keep what they computed before).
   */
  public void actAs(Principal principal) {
    this.acting = principal;
    this.homeUnit = null;
  }

  /** The caller as a {@link Principal}, to store and act as later. */
  public Principal principal() {
    return new Principal(
        username(), roles(), homeUnitId().orElse(null), sourceSystem().orElse(null));
  }

  public String username() {
    if (acting != null) {
      return acting.username();
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
    if (acting != null) {
      return new TreeSet<>(acting.roles());
    }
    return new TreeSet<>(identity.getRoles());
  }

  public boolean hasRole(String role) {
    if (acting != null) {
      return acting.roles().contains(role);
    }
    return identity.hasRole(role);
  }

  public boolean isAdmin() {
    return hasRole(Roles.ADMIN);
  }

  /** The home unit, or empty when the token carries none (such a caller sees nothing scoped). */
  public Optional<UUID> homeUnitId() {
    if (homeUnit == null) {
      homeUnit = acting != null ? Optional.ofNullable(acting.homeUnitId()) : resolveHomeUnit();
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
    if (acting != null) {
      return Optional.ofNullable(acting.sourceSystem());
    }
    if (identity.isAnonymous()) {
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
