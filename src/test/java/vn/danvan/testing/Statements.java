package vn.danvan.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements Hibernate sends for the HTTP requests of one user while a test records them: a
 * statement counts when the request it runs in is authenticated as that user, so background work
 * (anonymous) running meanwhile is left out. Every query of the repositories goes through
 * Hibernate, native ones included.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class Statements implements StatementInspector {

  private volatile String user;
  private final List<String> recorded = new CopyOnWriteArrayList<>();

  @Override
  public String inspect(String sql) {
    String recording = user;
    if (recording != null && recording.equals(caller())) {
      recorded.add(sql);
    }
    return sql;
  }

  /** The statements of {@code user}'s requests while {@code action} runs, in order. */
  public List<String> of(String user, Runnable action) {
    recorded.clear();
    this.user = user;
    try {
      action.run();
    } finally {
      this.user = null;
    }
    return List.copyOf(recorded);
  }

  private static String caller() {
    if (!Arc.container().requestContext().isActive()) {
      return null;
    }
    try (InstanceHandle<SecurityIdentity> identity =
        Arc.container().instance(SecurityIdentity.class)) {
      SecurityIdentity id = identity.get();
      return id == null || id.isAnonymous() ? null : id.getPrincipal().getName();
    }
  }
}
