package vn.danvan.shared.reference;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * An API enum whose codes carry Vietnamese and English labels for frontends. Labels live in {@code
 * messages/enums*.properties} under {@code <EnumName>.<CODE>}, beside the problem catalogue, so
 * that enums stay plain lists of codes.
 */
public interface LabeledEnum {

  String name();

  /** The code sent and received in the API: the constant's name unless the enum says otherwise. */
  default String code() {
    return name();
  }

  default String labelVi() {
    return label(Locale.forLanguageTag("vi"));
  }

  default String labelEn() {
    return label(Locale.ENGLISH);
  }

  /** The label in {@code locale}'s language: English for English, Vietnamese otherwise. */
  default String labelIn(Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? labelEn() : labelVi();
  }

  private String label(Locale locale) {
    return text(typeName(((Enum<?>) this).getDeclaringClass()) + "." + name(), locale);
  }

  /**
   * A label of the same catalogue that is no enum code (a total row, "no value"), in {@code
   * locale}'s language (English or Vietnamese); the key itself when it is missing.
   */
  static String text(String key, Locale locale) {
    Locale language =
        Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
            ? Locale.ENGLISH
            : Locale.forLanguageTag("vi");
    try {
      return ResourceBundle.getBundle("messages.enums", language, Bundles.NO_FALLBACK)
          .getString(key);
    } catch (MissingResourceException e) {
      int dot = key.lastIndexOf('.');
      return dot < 0 ? key : key.substring(dot + 1);
    }
  }

  /** The name of the enum's schema in the OpenAPI document (its {@code @Schema} name, if any). */
  static String typeName(Class<?> type) {
    org.eclipse.microprofile.openapi.annotations.media.Schema schema =
        type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
  }

  /** Holder of the bundle control (interfaces cannot have private static fields). */
  final class Bundles {
    static final ResourceBundle.Control NO_FALLBACK =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {}
  }
}
