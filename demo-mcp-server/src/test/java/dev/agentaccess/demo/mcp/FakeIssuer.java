package dev.agentaccess.demo.mcp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Keycloak realm: serves the JWKS of an RSA key generated for the test, at the
 * path Keycloak uses, and signs tokens with that key.
 */
final class FakeIssuer implements AutoCloseable {

  static final String REALM_PATH = "/realms/saasalytics";
  static final String KEY_ID = "test-key";

  private final HttpServer http;
  private final RSAKey signingKey;
  private final AtomicInteger jwksRequests = new AtomicInteger();

  private FakeIssuer(HttpServer http, RSAKey signingKey) {
    this.http = http;
    this.signingKey = signingKey;
  }

  /** Starts on {@code port} (0 for any free one) of the loopback interface. */
  static FakeIssuer start(int port) throws IOException, JOSEException {
    RSAKey key = newKey();
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    FakeIssuer issuer = new FakeIssuer(http, key);
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    http.createContext(
        REALM_PATH + "/protocol/openid-connect/certs",
        exchange -> {
          issuer.jwksRequests.incrementAndGet();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    http.start();
    return issuer;
  }

  static RSAKey newKey() throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
  }

  /** Issuer URL of this fake realm for a given port (usable before the issuer is started). */
  static String issuerFor(int port) {
    return "http://127.0.0.1:" + port + REALM_PATH;
  }

  String issuer() {
    return issuerFor(http.getAddress().getPort());
  }

  int jwksRequests() {
    return jwksRequests.get();
  }

  /** Claims of a token that {@code config}'s server should accept, granting {@code scope}. */
  JWTClaimsSet.Builder validClaims(DemoServerConfig config, String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject("f3b8c1de-0000-4000-8000-000000000001")
        .claim("preferred_username", "alice")
        .audience(config.resourceUri())
        .claim("scope", scope)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
  }

  String sign(JWTClaimsSet claims) throws JOSEException {
    return sign(claims, signingKey);
  }

  static String sign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
