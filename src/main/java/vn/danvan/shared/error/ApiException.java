package vn.danvan.shared.error;

import java.util.List;

/**
 * A request that cannot be honoured, with a stable problem code. Titles and details come from the
 * problem catalogue ({@code messages/problems*.properties}) in the caller's language; arguments
 * must never carry personal data.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final Object[] args;
  private final List<FieldError> errors;
  private Problem.Current current;
  private long retryAfterSeconds = -1;

  public ApiException(int status, String code, Object... args) {
    this(status, code, List.of(), args);
  }

  public ApiException(int status, String code, List<FieldError> errors, Object... args) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
    this.args = args;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args.clone();
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The stored record's versions, shown in the problem ({@code current}). */
  public ApiException withCurrent(Problem.Current current) {
    this.current = current;
    return this;
  }

  public Problem.Current current() {
    return current;
  }

  /** 429 for work the server cannot take on now: retry after this many seconds. */
  public static ApiException busy(long retryAfterSeconds) {
    ApiException e = new ApiException(429, "BUSY");
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  /** The {@code Retry-After} header's seconds, or -1 when the answer carries none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static ApiException notFound(String entity) {
    return new ApiException(404, "NOT_FOUND", entity);
  }

  public static ApiException badRequest(String code, Object... args) {
    return new ApiException(400, code, args);
  }

  public static ApiException invalid(String pointer, String code, Object... args) {
    return new ApiException(400, "VALIDATION_FAILED", List.of(FieldError.of(pointer, code, args)));
  }

  public static ApiException unprocessable(String code, Object... args) {
    return new ApiException(422, code, args);
  }

  public static ApiException conflict(String code, Object... args) {
    return new ApiException(409, code, args);
  }

  /** 403 {@code FORBIDDEN}: the caller's role or scope does not allow the operation. */
  public static ApiException forbidden() {
    return new ApiException(403, "FORBIDDEN");
  }

  /**
   * 422 {@code UNKNOWN_UNIT}: the unit at {@code pointer} does not exist (on the day that matters)
   * or lies outside the caller's scope; the two answer alike.
   */
  public static ApiException unknownUnit(String pointer) {
    return new ApiException(
        422, "UNKNOWN_UNIT", List.of(FieldError.of(pointer, "field.UNKNOWN_UNIT")));
  }

  /**
   * 409 {@code ILLEGAL_TRANSITION}, the one code of every entity with a lifecycle: the message
   * names the entity ({@code entity} is its catalogue key, e.g. {@code "entity.TASK"}), its status
   * and the refused action.
   */
  public static ApiException illegalTransition(String entity, Enum<?> from, Enum<?> action) {
    return new ApiException(409, "ILLEGAL_TRANSITION", entity, from.name(), action.name());
  }

  /** One invalid field: an RFC 6901 pointer into the request and a message key or text. */
  public record FieldError(String pointer, String messageKey, Object[] args) {
    public static FieldError of(String pointer, String messageKey, Object... args) {
      return new FieldError(pointer, messageKey, args);
    }
  }
}
