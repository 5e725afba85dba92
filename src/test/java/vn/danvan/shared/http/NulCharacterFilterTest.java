package vn.danvan.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The query parameter a malformed percent-encoding is reported on (the HTTP layer's {@code
 * MALFORMED_URI} check usually answers first; this is the filter's own net).
 */
class NulCharacterFilterTest {

  private static Map<String, List<String>> query(String... pairs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], List.of(pairs[i + 1]));
    }
    return out;
  }

  @Test
  void theParameterWhoseValueDoesNotDecodeIsNamed() {
    assertThat(NulCharacterFilter.malformedQueryParameter(query("q", "ok", "asOf", "%zz")))
        .isEqualTo("/query/asOf");
  }

  @Test
  void aNameThatDoesNotDecodeIsNamedAsSent() {
    assertThat(NulCharacterFilter.malformedQueryParameter(query("a%2Fb", "1", "%zz", "1")))
        .isEqualTo("/query/%zz");
  }

  @Test
  void withoutACulpritTheQueryIsNamed() {
    assertThat(NulCharacterFilter.malformedQueryParameter(query("q", "ok"))).isEqualTo("/query");
  }
}
