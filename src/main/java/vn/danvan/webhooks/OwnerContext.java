package vn.danvan.webhooks;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import vn.danvan.shared.security.CurrentUser;

/**
 * Runs background work as a subscription's owner: in a fresh request context whose {@link
 * CurrentUser} acts as the stored principal, so that scope, roles and masking are the owner's.
 */
@ApplicationScoped
class OwnerContext {

  @Inject CurrentUser user;

  <T> T call(CurrentUser.Principal owner, Supplier<T> work) {
    ManagedContext requests = Arc.container().requestContext();
    InjectableContext.ContextState outer = null;
    if (requests.isActive()) {
      outer = requests.getState();
      requests.deactivate();
    }
    requests.activate();
    try {
      user.actAs(owner);
      return work.get();
    } finally {
      requests.terminate();
      if (outer != null) {
        requests.activate(outer);
      }
    }
  }
}
