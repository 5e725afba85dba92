package vn.danvan.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Installs {@link ContractFilter} before every {@code @QuarkusTest} method (registered as a
 * service), so that every API test checks the responses it receives against the contract.
 */
public class ContractCallback implements QuarkusTestBeforeEachCallback {

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    ContractFilter.install(
        context.getTestInstance().getClass().getSimpleName()
            + "."
            + context.getTestMethod().getName());
  }
}
