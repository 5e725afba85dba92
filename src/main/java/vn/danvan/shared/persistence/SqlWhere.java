package vn.danvan.shared.persistence;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions of a query and their named parameters, built together so that a clause never goes
 * without its value. Repositories use it to turn a typed query record into SQL; values are always
 * bound, never spliced into the text.
 */
public final class SqlWhere {

  private final List<String> clauses = new ArrayList<>();
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** A condition without parameters (or whose parameters are bound by {@link #param}). */
  public SqlWhere add(String clause) {
    clauses.add(clause);
    return this;
  }

  /** A condition and the one parameter it names. */
  public SqlWhere add(String clause, String name, Object value) {
    clauses.add(clause);
    params.put(name, value);
    return this;
  }

  /** The condition only when {@code value} is present (the filter was given). */
  public SqlWhere addIfPresent(String clause, String name, Object value) {
    return value == null ? this : add(clause, name, value);
  }

  /** A parameter used by a condition added separately (or by the select list). */
  public SqlWhere param(String name, Object value) {
    params.put(name, value);
    return this;
  }

  /** The conditions joined by {@code and}; {@code true} when there are none. */
  public String sql() {
    return clauses.isEmpty() ? "true" : "(" + String.join(") and (", clauses) + ")";
  }

  public Map<String, Object> params() {
    return Collections.unmodifiableMap(params);
  }

  /** Binds every parameter to {@code query} and returns it. */
  public <Q extends Query> Q bind(Q query) {
    params.forEach(query::setParameter);
    return query;
  }
}
