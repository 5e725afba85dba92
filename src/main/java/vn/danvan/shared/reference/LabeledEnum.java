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

  private String label(Locale locale) {
    String key = typeName(((Enum<?>) this).getDeclaringClass()) + "." + name();
    try {
      return ResourceBundle.getBundle("messages.enums", locale, Bundles.NO_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return name();
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
