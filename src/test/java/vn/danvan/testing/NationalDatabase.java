package vn.danvan.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test profile of the benchmarks on the national tree: a database of its own ({@code national})
 * beside the demo world's, so the generated data set never reaches the other tests.
 */
public class NationalDatabase implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("danvan.embedded-db.database", "national");
  }
}
