package vn.danvan.shared.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.shared.time.DateBounds;

/**
 * Query parameters typed as a date or an instant ({@code asOf}, {@code from}, {@code dueTo} …) are
 * held to {@link DateBounds} before the resource method runs, for every endpoint: 400 with the
 * parameter as pointer ({@code /query/asOf}), as every problem points at a query parameter. A value
 * that is not a date at all is left to the parameter conversion (400 INVALID_PARAMETER).
 */
public class DateParameterBounds {

  private record DateParameter(String name, Function<String, LocalDate> day) {}

  private final Map<Method, List<DateParameter>> byMethod = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public void check(ResourceInfo resource, UriInfo uri) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    for (DateParameter p : byMethod.computeIfAbsent(method, DateParameterBounds::dateParameters)) {
      List<String> values = uri.getQueryParameters().get(p.name());
      if (values == null) {
        continue;
      }
      for (String value : values) {
        LocalDate day;
        try {
          day = p.day().apply(value.trim());
        } catch (DateTimeParseException e) {
          continue;
        } catch (DateTimeException e) {
          // parsed, but no date in Vietnam exists there
          day = null;
        }
        if (day == null || !DateBounds.contains(day)) {
          throw DateBounds.outOfRange("/query/" + p.name());
        }
      }
    }
  }

  private static List<DateParameter> dateParameters(Method method) {
    List<DateParameter> out = new ArrayList<>();
    for (Parameter p : method.getParameters()) {
      Function<String, LocalDate> day;
      if (p.getType() == LocalDate.class) {
        day = LocalDate::parse;
      } else if (p.getType() == OffsetDateTime.class) {
        day = s -> OffsetDateTime.parse(s).atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
      } else {
        continue;
      }
      String name = null;
      RestQuery rest = p.getAnnotation(RestQuery.class);
      QueryParam query = p.getAnnotation(QueryParam.class);
      if (rest != null) {
        name = rest.value().isEmpty() ? p.getName() : rest.value();
      } else if (query != null) {
        name = query.value();
      }
      if (name != null) {
        out.add(new DateParameter(name, day));
      }
    }
    return List.copyOf(out);
  }
}
