package vn.danvan.shared.error;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.danvan.shared.http.DateBoundsJson;
import vn.danvan.shared.http.JsonConfiguration;
import vn.danvan.shared.security.LoginThrottle;
import vn.danvan.shared.time.DateBounds;

/**
 * Turns every failure into {@code application/problem+json}. Details never echo request values, so
 * no personal data can leak through an error; unexpected failures are logged with an incident id
 * and answered without internals.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e, HttpHeaders headers, HttpServerRequest request) {
    Locale locale = ProblemFactory.locale(headers);
    List<Problem.Violation> violations =
        e.errors().stream()
            .map(
                f ->
                    new Problem.Violation(
                        f.pointer(), ProblemFactory.message(locale, f.messageKey(), f.args())))
            .toList();
    Problem problem = problem(locale, e.status(), e.code(), request, violations, e.args());
    if (e.current() != null) {
      problem =
          new Problem(
              problem.type(),
              problem.title(),
              problem.status(),
              problem.detail(),
              problem.instance(),
              problem.code(),
              problem.errors(),
              e.current());
    }
    Response response = ProblemFactory.response(problem);
    if (e.retryAfterSeconds() >= 0) {
      return Response.fromResponse(response)
          .header("Retry-After", Long.toString(e.retryAfterSeconds()))
          .build();
    }
    return response;
  }

  @ServerExceptionMapper
  public Response validation(
      ConstraintViolationException e, HttpHeaders headers, HttpServerRequest request) {
    Locale locale = ProblemFactory.locale(headers);
    List<Problem.Violation> violations = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      violations.add(new Problem.Violation(pointer(v.getPropertyPath()), v.getMessage()));
    }
    violations.sort(Comparator.comparing(Problem.Violation::pointer));
    return respond(locale, 400, "VALIDATION_FAILED", request, violations);
  }

  @ServerExceptionMapper(priority = 1)
  public Response json(JacksonException e, HttpHeaders headers, HttpServerRequest request) {
    Locale locale = ProblemFactory.locale(headers);
    String duplicate = duplicateKey(e);
    if (duplicate != null) {
      return respond(
          locale,
          400,
          "DUPLICATE_KEY",
          request,
          List.of(
              new Problem.Violation(
                  duplicate, ProblemFactory.message(locale, "field.DUPLICATE_KEY"))));
    }
    if (hasCause(e, StreamConstraintsException.class)) {
      return respond(locale, 413, "PAYLOAD_TOO_LARGE", request, List.of());
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String pointer = jsonPointer(mapping.getPath());
      String key = "field.INVALID_VALUE";
      Object[] args = {};
      if (e instanceof DateBoundsJson.OutOfRange) {
        key = "field.DATE_RANGE";
        args = new Object[] {DateBounds.MIN, DateBounds.MAX};
      } else if (hasCause(e, JsonConfiguration.NulCharacter.class)) {
        key = "field.NUL_CHARACTER";
      } else if (e instanceof InvalidFormatException f
          && f.getTargetType() != null
          && f.getTargetType().isEnum()) {
        key = "field.UNKNOWN_CODE";
      } else if (e instanceof MismatchedInputException) {
        key = "field.WRONG_TYPE";
      }
      return respond(
          locale,
          400,
          "VALIDATION_FAILED",
          request,
          List.of(new Problem.Violation(pointer, ProblemFactory.message(locale, key, args))));
    }
    return respond(locale, 400, "MALFORMED_JSON", request, List.of());
  }

  @ServerExceptionMapper(priority = 1)
  public Response jsonProcessing(
      JsonProcessingException e, HttpHeaders headers, HttpServerRequest request) {
    return json(e, headers, request);
  }

  @ServerExceptionMapper(priority = 1)
  public Response mismatched(
      MismatchedInputException e, HttpHeaders headers, HttpServerRequest request) {
    return json(e, headers, request);
  }

  @ServerExceptionMapper(priority = 1)
  public Response unauthorized(
      UnauthorizedException e, HttpHeaders headers, HttpServerRequest request) {
    return unauthenticated(headers, request);
  }

  @ServerExceptionMapper(priority = 1)
  public Response authenticationFailed(
      AuthenticationFailedException e, HttpHeaders headers, HttpServerRequest request) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LoginThrottle.Throttled throttled) {
        return tooManyRequests(
            ProblemFactory.locale(headers),
            "TOO_MANY_FAILED_LOGINS",
            request == null ? null : request.path(),
            throttled.retryAfterSeconds());
      }
    }
    return unauthenticated(headers, request);
  }

  /** 429 with {@code Retry-After} (whole seconds). */
  public static Response tooManyRequests(
      Locale locale, String code, String instance, long retryAfterSeconds) {
    return Response.fromResponse(
            ProblemFactory.response(ProblemFactory.problem(locale, 429, code, instance, List.of())))
        .header("Retry-After", Long.toString(retryAfterSeconds))
        .build();
  }

  @ServerExceptionMapper(priority = 1)
  public Response forbidden(ForbiddenException e, HttpHeaders headers, HttpServerRequest request) {
    return respond(ProblemFactory.locale(headers), 403, "FORBIDDEN", request, List.of());
  }

  @ServerExceptionMapper
  public Response web(
      WebApplicationException e,
      HttpHeaders headers,
      HttpServerRequest request,
      UriInfo uri,
      ResourceInfo resource) {
    Locale locale = ProblemFactory.locale(headers);
    Throwable cause = e.getCause();
    if (cause instanceof JacksonException json) {
      return json(json, headers, request);
    }
    if (cause != null && (e instanceof NotFoundException || e instanceof BadRequestException)) {
      // a path, query or header value that does not convert to its type (UUID, date, number,
      // code): the framework does not say which, so the matched method's parameters are tried
      List<Problem.Violation> violations =
          InvalidParameter.find(
                  resource == null ? null : resource.getResourceMethod(), uri, headers)
              .map(
                  f ->
                      List.of(
                          new Problem.Violation(
                              f.pointer(),
                              ProblemFactory.message(locale, f.messageKey(), f.args()))))
              .orElse(List.of());
      return respond(locale, 400, "INVALID_PARAMETER", request, violations);
    }
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    String code =
        switch (e) {
          case NotFoundException nf -> "RESOURCE_NOT_FOUND";
          case NotAllowedException na -> "METHOD_NOT_ALLOWED";
          case NotSupportedException ns -> "UNSUPPORTED_MEDIA_TYPE";
          case NotAcceptableException na -> "NOT_ACCEPTABLE";
          default -> codeFor(status);
        };
    Response.ResponseBuilder builder =
        Response.fromResponse(
            ProblemFactory.response(problem(locale, status, code, request, List.of())));
    if (e instanceof NotAllowedException && e.getResponse() != null) {
      builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return builder.build();
  }

  /**
   * A multipart body the form decoder cannot read (wrong or missing boundary, truncated, not
   * multipart at all) surfaces as an I/O failure of the request: the caller's fault, not ours.
   */
  @ServerExceptionMapper
  public Response io(IOException e, HttpHeaders headers, HttpServerRequest request) {
    String type = request == null ? null : request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return respond(
          ProblemFactory.locale(headers), 400, "MALFORMED_MULTIPART", request, List.of());
    }
    return unexpected(e, headers, request);
  }

  @ServerExceptionMapper
  public Response optimisticLock(
      OptimisticLockException e, HttpHeaders headers, HttpServerRequest request) {
    return respond(ProblemFactory.locale(headers), 412, "PRECONDITION_FAILED", request, List.of());
  }

  @ServerExceptionMapper
  public Response stale(StaleStateException e, HttpHeaders headers, HttpServerRequest request) {
    return optimisticLock(null, headers, request);
  }

  @ServerExceptionMapper
  public Response persistence(
      PersistenceException e, HttpHeaders headers, HttpServerRequest request) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
        return optimisticLock(null, headers, request);
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        Locale locale = ProblemFactory.locale(headers);
        switch (state) {
          case "23505", "23P01":
            return respond(locale, 409, "DUPLICATE", request, List.of());
          case "23503":
            return respond(locale, 409, "IN_USE", request, List.of());
          case "23514", "23502", "22001", "22P02", "22007", "22008":
            return respond(locale, 422, "CONSTRAINT_VIOLATED", request, List.of());
          case "40001", "40P01":
            return respond(locale, 409, "CONCURRENT_UPDATE", request, List.of());
          default:
            break;
        }
      }
      cause = cause.getCause();
    }
    return unexpected(e, headers, request);
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, HttpHeaders headers, HttpServerRequest request) {
    if (e instanceof WebApplicationException wae) {
      return web(wae, headers, request, null, null);
    }
    UUID incident = UUID.randomUUID();
    // the exception type and stack only: messages of lower layers may quote request values
    LOG.errorf("Unexpected failure, incident %s: %s", incident, e.getClass().getName());
    LOG.debug("Incident " + incident, e);
    return respond(
        ProblemFactory.locale(headers),
        500,
        "INTERNAL_ERROR",
        request,
        List.of(),
        incident.toString());
  }

  private Response unauthenticated(HttpHeaders headers, HttpServerRequest request) {
    return Response.fromResponse(
            respond(ProblemFactory.locale(headers), 401, "UNAUTHENTICATED", request, List.of()))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"danvan\", Bearer realm=\"danvan\"")
        .build();
  }

  private static Response respond(
      Locale locale,
      int status,
      String code,
      HttpServerRequest request,
      List<Problem.Violation> violations,
      Object... args) {
    return ProblemFactory.response(problem(locale, status, code, request, violations, args));
  }

  private static Problem problem(
      Locale locale,
      int status,
      String code,
      HttpServerRequest request,
      List<Problem.Violation> violations,
      Object... args) {
    String instance = request == null ? null : request.path();
    return ProblemFactory.problem(locale, status, code, instance, violations, args);
  }

  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "RESOURCE_NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 414 -> "URI_TOO_LONG";
      case 428 -> "PRECONDITION_REQUIRED";
      case 429 -> "TOO_MANY_REQUESTS";
      case 431 -> "HEADERS_TOO_LARGE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }

  /**
   * The pointer of the key a JSON object repeats (strict duplicate detection of the parser), or
   * null when {@code e} is another failure. The parser's context still names the repeated key.
   */
  static String duplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StreamReadException read
          && read.getMessage() != null
          && read.getMessage().startsWith("Duplicate field '")) {
        if (read.getProcessor() instanceof JsonParser parser
            && parser.getParsingContext() != null) {
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          return pointer.isEmpty() ? "/" : pointer;
        }
        return "/";
      }
    }
    return null;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** {@code create.body.recipients[2].unitId} → {@code /recipients/2/unitId}. */
  static String pointer(Path path) {
    StringBuilder sb = new StringBuilder();
    boolean pastBody = false;
    for (Path.Node node : path) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        pastBody = true;
        if (!isBodyParameter(node.getName())) {
          sb.append('/').append(node.getName());
        }
        continue;
      }
      if (node.getIndex() != null) {
        sb.append('/').append(node.getIndex());
      } else if (node.getKey() != null) {
        // a map's key as an RFC 6901 reference token
        sb.append('/').append(node.getKey().toString().replace("~", "~0").replace("/", "~1"));
      }
      if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
        sb.append('/').append(node.getName());
      }
    }
    String result = sb.toString();
    return result.isEmpty() ? "/" : (pastBody ? result : result);
  }

  private static boolean isBodyParameter(String name) {
    return name.equals("body") || name.equals("request");
  }

  private static String jsonPointer(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      sb.append('/');
      if (ref.getFieldName() != null) {
        sb.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        sb.append(ref.getIndex());
      }
    }
    return sb.toString();
  }
}
