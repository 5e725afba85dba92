package vn.danvan.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.function.Supplier;
import vn.danvan.shared.security.DemoAccountIdentityProvider;
import vn.danvan.shared.security.DemoAccounts;

/** Calls beans directly (no HTTP) as a demo account, in a request context of their own. */
public final class DemoIdentity {

  private DemoIdentity() {}

  /** Runs {@code work} as {@code username} (its role, home unit and source system). */
  public static <T> T call(String username, Supplier<T> work) {
    // a request context of its own: the caller's request-scoped beans (home unit, scope) are fresh
    ManagedContext context = Arc.container().requestContext();
    InjectableContext.ContextState outer = context.isActive() ? context.getState() : null;
    if (outer != null) {
      context.deactivate();
    }
    context.activate();
    try {
      DemoAccounts.Account a = DemoAccounts.find(username).orElseThrow();
      QuarkusSecurityIdentity.Builder identity =
          QuarkusSecurityIdentity.builder()
              .setPrincipal(new QuarkusPrincipal(a.username()))
              .addRole(a.role())
              .addAttribute(DemoAccountIdentityProvider.HOME_UNIT_ATTRIBUTE, a.homeUnitId());
      if (a.sourceSystem() != null) {
        identity.addAttribute(
            DemoAccountIdentityProvider.SOURCE_SYSTEM_ATTRIBUTE, a.sourceSystem());
      }
      Arc.container()
          .instance(CurrentIdentityAssociation.class)
          .get()
          .setIdentity(identity.build());
      return work.get();
    } finally {
      context.terminate();
      if (outer != null) {
        context.activate(outer);
      }
    }
  }
}
