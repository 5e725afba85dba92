package vn.danvan.shared.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.danvan.shared.error.ApiException;

/**
 * PostgreSQL cannot store U+0000 in text and refuses it as a query parameter: a path, query
 * parameter or header that holds it (sent as {@code %00}) is refused with 400 and a pointer ({@code
 * /query/q}, {@code /path}, {@code /header/Idempotency-Key}) before any resource runs. Request
 * bodies are checked where they are read (JSON: {@link JsonConfiguration}; multipart text parts:
 * where the part is used).
 */
public class NulCharacterFilter {

  @ServerRequestFilter(preMatching = true)
  public void refuseNul(ContainerRequestContext request) {
    Map<String, List<String>> query;
    String path;
    try {
      path = request.getUriInfo().getPath(true);
    } catch (IllegalArgumentException e) {
      // a malformed percent-encoding such as %zz
      throw malformed("/path");
    }
    try {
      query = request.getUriInfo().getQueryParameters(true);
    } catch (IllegalArgumentException e) {
      throw malformed(malformedQueryParameter(request.getUriInfo().getQueryParameters(false)));
    }
    if (hasNul(path)) {
      throw ApiException.invalid("/path", "field.NUL_CHARACTER");
    }
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(v -> hasNul(v))) {
        throw ApiException.invalid(
            "/query/" + pointerToken(parameter.getKey()), "field.NUL_CHARACTER");
      }
    }
    for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
      if (header.getValue().stream().anyMatch(v -> hasNul(v))) {
        throw ApiException.invalid(
            "/header/" + pointerToken(header.getKey()), "field.NUL_CHARACTER");
      }
    }
  }

  /** 400 INVALID_PARAMETER naming the parameter whose percent-encoding is malformed. */
  private static ApiException malformed(String pointer) {
    return new ApiException(
        400,
        "INVALID_PARAMETER",
        List.of(ApiException.FieldError.of(pointer, "field.MALFORMED_ENCODING")));
  }

  /** The pointer of the first query parameter whose name or value does not decode. */
  static String malformedQueryParameter(Map<String, List<String>> raw) {
    for (Map.Entry<String, List<String>> parameter : raw.entrySet()) {
      String name = decodes(parameter.getKey()) ? decode(parameter.getKey()) : null;
      if (name == null || !parameter.getValue().stream().allMatch(NulCharacterFilter::decodes)) {
        // a name that does not decode is named as sent
        return "/query/" + pointerToken(name == null ? parameter.getKey() : name);
      }
    }
    return "/query";
  }

  private static boolean decodes(String s) {
    try {
      decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  public static boolean hasNul(String s) {
    return s != null && s.indexOf('\u0000') >= 0;
  }

  private static String pointerToken(String name) {
    return name.replace("\u0000", "").replace("~", "~0").replace("/", "~1");
  }
}
