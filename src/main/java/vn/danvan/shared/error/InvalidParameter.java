package vn.danvan.shared.error;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.Separator;

/**
 * Which path, query or header parameter of a resource method failed to convert to its type: the
 * framework's conversion failure does not name it. The method's parameters (and the fields of its
 * {@code @BeanParam}s) are converted again, in declaration order, the way JAX-RS converts them; the
 * first present value that fails is the culprit.
 */
final class InvalidParameter {

  /** Where a parameter comes from, and the pointer prefix of that place. */
  enum Source {
    PATH("/path/"),
    QUERY("/query/"),
    HEADER("/header/");

    final String prefix;

    Source(String prefix) {
      this.prefix = prefix;
    }
  }

  /** A declared parameter: its source, its name and its Java type (generic for lists). */
  record Declared(Source source, String name, Type type, String separator) {}

  /** The parameter that failed: its pointer and the message (key and arguments) of its type. */
  record Failure(String pointer, String messageKey, Object[] args) {}

  private static final Map<Method, List<Declared>> DECLARED = new ConcurrentHashMap<>();

  private InvalidParameter() {}

  /** The first parameter of {@code method} whose value in the request does not convert. */
  static Optional<Failure> find(Method method, UriInfo uri, HttpHeaders headers) {
    if (method == null || uri == null) {
      return Optional.empty();
    }
    for (Declared p : DECLARED.computeIfAbsent(method, InvalidParameter::declared)) {
      List<String> values =
          switch (p.source()) {
            case PATH -> uri.getPathParameters().get(p.name());
            case QUERY -> uri.getQueryParameters().get(p.name());
            case HEADER -> headers == null ? null : headers.getRequestHeader(p.name());
          };
      if (values == null || values.isEmpty()) {
        continue;
      }
      Class<?> target = elementType(p.type());
      boolean many = Collection.class.isAssignableFrom(rawType(p.type()));
      List<String> checked = many ? split(values, p.separator()) : List.of(values.get(0));
      for (String value : checked) {
        if (!converts(target, value)) {
          return Optional.of(failure(p, target));
        }
      }
    }
    return Optional.empty();
  }

  private static Failure failure(Declared p, Class<?> target) {
    String pointer = p.source().prefix + p.name().replace("~", "~0").replace("/", "~1");
    String key = "field.INVALID_PARAMETER." + kind(target);
    Object[] args =
        target.isEnum()
            ? new Object[] {
              Arrays.stream(target.getEnumConstants())
                  .map(c -> ((Enum<?>) c).name())
                  .collect(Collectors.joining(", "))
            }
            : new Object[0];
    return new Failure(pointer, key, args);
  }

  /** The message kind of a type: what the value must look like. */
  private static String kind(Class<?> type) {
    if (type.isEnum()) {
      return "CODE";
    }
    if (type == UUID.class) {
      return "UUID";
    }
    if (type == LocalDate.class) {
      return "DATE";
    }
    if (type == Instant.class
        || type == OffsetDateTime.class
        || type == ZonedDateTime.class
        || type == LocalDateTime.class) {
      return "INSTANT";
    }
    if (type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == Byte.class
        || type == BigInteger.class) {
      return "INTEGER";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "NUMBER";
    }
    if (type == Boolean.class) {
      return "BOOLEAN";
    }
    return "VALUE";
  }

  /**
   * Whether {@code value} converts to {@code type} as JAX-RS converts it: enums by {@code
   * fromString} then {@code valueOf}; other types by {@code valueOf}, {@code fromString}, then a
   * constructor taking a string; java.time types by {@code parse}.
   */
  static boolean converts(Class<?> type, String value) {
    if (type == String.class || type == Object.class) {
      return true;
    }
    if (type == BigDecimal.class || type == BigInteger.class) {
      return invoke(() -> type.getConstructor(String.class).newInstance(value));
    }
    List<String> factories =
        type.isEnum() ? List.of("fromString", "valueOf") : List.of("valueOf", "fromString");
    if (type.getPackageName().equals("java.time")) {
      factories = List.of("parse");
    }
    for (String name : factories) {
      for (Class<?> argument : List.of(String.class, CharSequence.class)) {
        Method factory;
        try {
          factory = type.getMethod(name, argument);
        } catch (NoSuchMethodException e) {
          continue;
        }
        if (Modifier.isStatic(factory.getModifiers())) {
          return invoke(() -> factory.invoke(null, value));
        }
      }
    }
    try {
      var constructor = type.getConstructor(String.class);
      return invoke(() -> constructor.newInstance(value));
    } catch (NoSuchMethodException e) {
      // converted by a provider this class does not know: not the culprit
      return true;
    }
  }

  private interface Conversion {
    Object run() throws ReflectiveOperationException;
  }

  private static boolean invoke(Conversion conversion) {
    try {
      return conversion.run() != null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // the conversion threw (InvocationTargetException): the value does not convert
      return false;
    }
  }

  private static List<Declared> declared(Method method) {
    List<Declared> out = new ArrayList<>();
    for (Parameter p : method.getParameters()) {
      add(out, p, p.getName(), p.getParameterizedType(), p.getType());
    }
    return List.copyOf(out);
  }

  private static void add(
      List<Declared> out, AnnotatedElement element, String javaName, Type type, Class<?> raw) {
    Declared declared = declared(element, javaName, type);
    if (declared != null) {
      out.add(declared);
    } else if (element.isAnnotationPresent(BeanParam.class)) {
      for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          add(out, f, f.getName(), f.getGenericType(), f.getType());
        }
      }
    }
  }

  private static Declared declared(AnnotatedElement element, String javaName, Type type) {
    Separator separator = element.getAnnotation(Separator.class);
    String sep = separator == null ? null : separator.value();
    if (element.getAnnotation(RestPath.class) instanceof RestPath a) {
      return new Declared(Source.PATH, orDefault(a.value(), javaName), type, sep);
    }
    if (element.getAnnotation(PathParam.class) instanceof PathParam a) {
      return new Declared(Source.PATH, a.value(), type, sep);
    }
    if (element.getAnnotation(RestQuery.class) instanceof RestQuery a) {
      return new Declared(Source.QUERY, orDefault(a.value(), javaName), type, sep);
    }
    if (element.getAnnotation(QueryParam.class) instanceof QueryParam a) {
      return new Declared(Source.QUERY, a.value(), type, sep);
    }
    if (element.getAnnotation(RestHeader.class) instanceof RestHeader a) {
      return new Declared(Source.HEADER, orDefault(a.value(), hyphenate(javaName)), type, sep);
    }
    if (element.getAnnotation(HeaderParam.class) instanceof HeaderParam a) {
      return new Declared(Source.HEADER, a.value(), type, sep);
    }
    return null;
  }

  private static String orDefault(String value, String javaName) {
    return value == null || value.isEmpty() ? javaName : value;
  }

  /** {@code ifMatch} → {@code If-Match}: the header name {@code @RestHeader} derives. */
  static String hyphenate(String javaName) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (i == 0) {
        sb.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c)) {
        sb.append('-').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static List<String> split(List<String> values, String separator) {
    if (separator == null) {
      return values;
    }
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.addAll(Arrays.asList(v.split(java.util.regex.Pattern.quote(separator))));
    }
    return out;
  }

  private static Class<?> rawType(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> rawType(p.getRawType());
      default -> Object.class;
    };
  }

  /** The element type of a list, set or optional; the (boxed) type itself otherwise. */
  private static Class<?> elementType(Type type) {
    Class<?> raw = rawType(type);
    if ((Collection.class.isAssignableFrom(raw) || raw == Optional.class)
        && type instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1) {
      return rawType(p.getActualTypeArguments()[0]);
    }
    return box(raw);
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName().toLowerCase(Locale.ROOT)) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "boolean" -> Boolean.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "char" -> Character.class;
      default -> type;
    };
  }
}
