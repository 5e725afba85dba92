package vn.danvan.shared.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Builds localized problem responses (Vietnamese by default, English on request). */
public final class ProblemFactory {

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
  public static final String PROBLEM_JSON_TYPE = "application/problem+json";
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final String TYPE_BASE = "https://danvan.gov.vn/problems/";

  private ProblemFactory() {}

  /**
   * The language of the answer: the caller's most preferred of Vietnamese ({@code vi}, {@code
   * vi-VN}…) and English ({@code en}, {@code en-US}…), by {@code Accept-Language} weight; {@code *}
   * (any language, what a bare {@code fetch} sends) means the default, Vietnamese, as do no header,
   * neither language and a malformed header.
   */
  public static Locale locale(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return VI;
    }
    try {
      // ranges by weight, highest first (equal weights keep the header's order)
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
        String tag = range.getRange().toLowerCase(Locale.ROOT);
        if (range.getWeight() == 0) {
          continue;
        }
        if (tag.equals("*") || tag.equals("vi") || tag.startsWith("vi-")) {
          return VI;
        }
        if (tag.equals("en") || tag.startsWith("en-")) {
          return Locale.ENGLISH;
        }
      }
    } catch (IllegalArgumentException e) {
      return VI;
    }
    return VI;
  }

  public static Locale locale(HttpHeaders headers) {
    return locale(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  public static String message(Locale locale, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle("messages.problems", locale, NO_FALLBACK);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
    return args == null || args.length == 0
        ? pattern
        : new MessageFormat(pattern, locale).format(args);
  }

  public static Problem problem(
      Locale locale,
      int status,
      String code,
      String instance,
      List<Problem.Violation> errors,
      Object... args) {
    String title = message(locale, "title." + code);
    String detailKey = "detail." + code;
    String detail = message(locale, detailKey, localizedArgs(locale, args));
    if (detail.equals(detailKey)) {
      detail = title;
    }
    String type = TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    return new Problem(
        type, title, status, detail, instance, code, errors == null ? List.of() : errors);
  }

  public static Response response(Problem problem) {
    return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
  }

  /** Arguments that name an entity kind ("entity.ORG_UNIT") are translated too. */
  private static Object[] localizedArgs(Locale locale, Object[] args) {
    if (args == null) {
      return new Object[0];
    }
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof String s && s.startsWith("entity.")) {
        out[i] = message(locale, s);
      }
    }
    return out;
  }

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
