package dev.agentaccess.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;

/** Reads a JWT's claims (the signature is the MCP server's business, not the test's). */
final class Jwt {

  private Jwt() {}

  static JsonNode claims(String jwt) throws IOException {
    String[] parts = jwt.split("\\.");
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
  }
}
