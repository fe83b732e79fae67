package dev.agentaccess.demo.mcp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Validates Keycloak-issued JWT access tokens for this resource: signature against the realm's
 * JWKS, exact {@code iss}, unexpired {@code exp}, and an {@code aud} that contains this server's
 * canonical URI. The audience check is what stops a token minted for some other service (e.g.
 * Keycloak's default {@code account} audience) from being replayed here.
 */
final class AccessTokenValidator implements Closeable {

  // Keycloak signs with RS256 unless the realm is configured otherwise; the others are accepted so
  // that switching the realm's key type does not break the demo.
  private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.ES256);

  private static final int JWKS_CONNECT_TIMEOUT_MS = 2_000;
  private static final int JWKS_READ_TIMEOUT_MS = 2_000;
  private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;

  private final JWKSource<SecurityContext> keySource;
  private final DefaultJWTProcessor<SecurityContext> processor;

  AccessTokenValidator(DemoServerConfig config) {
    this(remoteKeySource(config.jwksUri()), config.issuer(), config.resourceUri());
  }

  AccessTokenValidator(JWKSource<SecurityContext> keySource, String issuer, String audience) {
    this.keySource = keySource;
    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keySource));
    // Keycloak access tokens carry typ "JWT"; RFC 9068 tokens carry "at+jwt".
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            Set.of(audience),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("iss", "exp", "aud"),
            Set.of()));
  }

  /**
   * Builds a cached, rate-limited JWKS source. Building it does not contact the issuer: keys are
   * fetched on the first token that needs them, so this server may start before Keycloak does.
   */
  private static JWKSource<SecurityContext> remoteKeySource(String jwksUri) {
    try {
      return JWKSourceBuilder.<SecurityContext>create(
              URI.create(jwksUri).toURL(),
              new DefaultResourceRetriever(
                  JWKS_CONNECT_TIMEOUT_MS, JWKS_READ_TIMEOUT_MS, JWKS_SIZE_LIMIT_BYTES))
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Bad JWKS URI " + jwksUri, e);
    }
  }

  AuthenticatedCaller validate(String token)
      throws InvalidAccessTokenException, AuthorizationServerUnavailableException {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw new InvalidAccessTokenException("The access token is not a well-formed JWT", e);
    } catch (BadJOSEException e) {
      throw new InvalidAccessTokenException(e.getMessage(), e);
    } catch (JOSEException e) {
      if (isKeySetUnavailable(e)) {
        throw new AuthorizationServerUnavailableException(
            "Could not fetch the authorization server's signing keys", e);
      }
      throw new InvalidAccessTokenException("The access token could not be verified", e);
    }
    return new AuthenticatedCaller(
        claims.getSubject(), stringClaim(claims, "preferred_username"), scopes(claims));
  }

  private static boolean isKeySetUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JWKSetUnavailableException) {
        return true;
      }
    }
    return false;
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s ? s : null;
  }

  /** Keycloak puts scopes in a space-separated {@code scope} string (RFC 8693 / RFC 9068). */
  private static Set<String> scopes(JWTClaimsSet claims) {
    Object value = claims.getClaim("scope");
    Set<String> scopes = new LinkedHashSet<>();
    if (value instanceof String s) {
      Arrays.stream(s.trim().split("\\s+")).filter(v -> !v.isEmpty()).forEach(scopes::add);
    } else if (value instanceof Collection<?> values) {
      values.forEach(v -> scopes.add(String.valueOf(v)));
    }
    return scopes;
  }

  @Override
  public void close() throws IOException {
    if (keySource instanceof Closeable closeable) {
      closeable.close();
    }
  }
}
