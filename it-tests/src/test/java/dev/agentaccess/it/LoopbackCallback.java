package dev.agentaccess.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An agent's loopback redirect target (RFC 8252 §7.3) that hands over the callback query. */
final class LoopbackCallback implements AutoCloseable {

  private final HttpServer server;
  private volatile CompletableFuture<Map<String, String>> next = new CompletableFuture<>();

  LoopbackCallback() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/cb",
        exchange -> {
          next.complete(OAuthHttp.queryOf(exchange.getRequestURI().toString()));
          byte[] body = "done".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
  }

  /** The query of the next callback request. */
  Map<String, String> await() throws Exception {
    Map<String, String> query = next.get(30, TimeUnit.SECONDS);
    next = new CompletableFuture<>();
    return query;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
