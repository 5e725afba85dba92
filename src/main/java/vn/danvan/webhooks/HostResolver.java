package vn.danvan.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** DNS resolution of webhook targets (the JVM's resolver and its cache). */
@ApplicationScoped
public class HostResolver {

  /** Every address of {@code host}; an IP literal is itself. */
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    return List.of(InetAddress.getAllByName(host));
  }
}
