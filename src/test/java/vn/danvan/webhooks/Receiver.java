package vn.danvan.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/** A webhook receiver on loopback: records every request and answers what the test says. */
final class Receiver implements AutoCloseable {

  /** One received request. */
  record Request(
      String query,
      String id,
      String timestamp,
      String signature,
      String contentType,
      String body,
      long at) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    String entityId() {
      return json().path("entityId").asText();
    }
  }

  static {
    // answer without waiting for the client's delayed ACK (Nagle): otherwise every request
    // costs ~40 ms on loopback and the figure measures TCP, not the service
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private volatile ToIntFunction<Request> answer = r -> 204;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          var h = exchange.getRequestHeaders();
          Request r =
              new Request(
                  exchange.getRequestURI().getQuery(),
                  h.getFirst("webhook-id"),
                  h.getFirst("webhook-timestamp"),
                  h.getFirst("webhook-signature"),
                  h.getFirst("content-type"),
                  new String(body, StandardCharsets.UTF_8),
                  System.nanoTime());
          synchronized (requests) {
            requests.add(r);
          }
          int status = answer.applyAsInt(r);
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void answer(ToIntFunction<Request> f) {
    answer = f;
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  List<Request> requests(Predicate<Request> p) {
    return requests().stream().filter(p).toList();
  }

  /** Waits until {@code p} holds for the received requests. */
  List<Request> await(Predicate<List<Request>> p, Duration patience) throws InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < end) {
      List<Request> now = requests();
      if (p.test(now)) {
        return now;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("receiver: condition not met in " + patience + "; got " + requests());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
