package vn.danvan.reporting;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.danvan.shared.security.DemoAccountIdentityProvider;
import vn.danvan.shared.security.DemoAccounts;

/**
 * Calls a bean as a demo account, the way a request would: on a thread of its own, in a fresh
 * request context holding that account's identity (role, home unit, source system), in a new
 * transaction that commits.
 */
final class AsDemoUser {

  private AsDemoUser() {}

  static <T> T call(String username, Callable<T> work) {
    DemoAccounts.Account a = DemoAccounts.find(username).orElseThrow();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      return executor
          .submit(
              () -> {
                ManagedContext requests = Arc.container().requestContext();
                requests.activate();
                try {
                  QuarkusSecurityIdentity.Builder identity =
                      QuarkusSecurityIdentity.builder()
                          .setPrincipal(new QuarkusPrincipal(a.username()))
                          .addRole(a.role())
                          .addAttribute(
                              DemoAccountIdentityProvider.HOME_UNIT_ATTRIBUTE, a.homeUnitId());
                  if (a.sourceSystem() != null) {
                    identity.addAttribute(
                        DemoAccountIdentityProvider.SOURCE_SYSTEM_ATTRIBUTE, a.sourceSystem());
                  }
                  Arc.container()
                      .instance(CurrentIdentityAssociation.class)
                      .get()
                      .setIdentity(identity.build());
                  return QuarkusTransaction.requiringNew().call(work);
                } finally {
                  requests.terminate();
                }
              })
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      executor.shutdown();
    }
  }
}
