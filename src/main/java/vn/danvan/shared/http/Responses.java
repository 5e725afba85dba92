package vn.danvan.shared.http;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** The two answers of a single resource: 200 with its ETag, 201 with its ETag and Location. */
public final class Responses {

  private Responses() {}

  public static <T extends Versioned> RestResponse<T> ok(T entity) {
    return ResponseBuilder.ok(entity).tag(ETags.of(entity.version())).build();
  }

  /** {@code collection} is the collection's path, e.g. {@code /api/v1/org-units}. */
  public static <T extends Versioned> RestResponse<T> created(String collection, T entity) {
    return ResponseBuilder.<T>created(URI.create(collection + "/" + entity.id()))
        .entity(entity)
        .tag(ETags.of(entity.version()))
        .build();
  }
}
