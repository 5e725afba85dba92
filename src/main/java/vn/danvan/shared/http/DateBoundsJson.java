package vn.danvan.shared.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import vn.danvan.shared.time.DateBounds;

/**
 * Dates and instants in JSON bodies outside {@link DateBounds} are refused while the body is read:
 * the problem points at the field ({@code /issueDate}, {@code /items/3/dueDate}) like any other
 * invalid value. Runs after every other customizer, so these deserializers take precedence over the
 * standard java.time ones they wrap.
 */
@Singleton
public class DateBoundsJson implements ObjectMapperCustomizer {

  /** A date that parsed but lies outside the accepted calendar. */
  public static class OutOfRange extends InvalidFormatException {
    OutOfRange(JsonParser p, Object value, Class<?> type) {
      super(p, "date outside " + DateBounds.MIN + ".." + DateBounds.MAX, value, type);
    }
  }

  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    SimpleModule module = new SimpleModule("danvan-date-bounds");
    module.addDeserializer(
        LocalDate.class,
        new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE, DateBounds::contains));
    module.addDeserializer(
        OffsetDateTime.class,
        new Bounded<>(
            OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, DateBounds::contains));
    mapper.registerModule(module);
  }

  /** The standard deserializer of {@code type}, then the bounds. */
  static final class Bounded<T> extends StdDeserializer<T> implements ContextualDeserializer {

    private final JsonDeserializer<? extends T> delegate;
    private final Predicate<T> inBounds;

    Bounded(Class<T> type, JsonDeserializer<? extends T> delegate, Predicate<T> inBounds) {
      super(type);
      this.delegate = delegate;
      this.inBounds = inBounds;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      JsonDeserializer<? extends T> contextual =
          delegate instanceof ContextualDeserializer c
              ? (JsonDeserializer<? extends T>) c.createContextual(ctxt, property)
              : delegate;
      return contextual == delegate
          ? this
          : new Bounded<>((Class<T>) handledType(), contextual, inBounds);
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      T value = delegate.deserialize(p, ctxt);
      if (value != null && !inBounds.test(value)) {
        throw new OutOfRange(p, String.valueOf(value), handledType());
      }
      return value;
    }
  }
}
