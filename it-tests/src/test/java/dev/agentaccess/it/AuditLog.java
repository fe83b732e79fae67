package dev.agentaccess.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The agent audit records Keycloak has written to its log, one JSON object per line. */
final class AuditLog {

  private static final String CATEGORY = "[dev.agentaccess.audit]";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path keycloakLog;

  AuditLog(Path keycloakLog) {
    this.keycloakLog = keycloakLog;
  }

  List<JsonNode> records() {
    try {
      List<JsonNode> records = new ArrayList<>();
      for (String line : Files.readAllLines(keycloakLog, StandardCharsets.UTF_8)) {
        int category = line.indexOf(CATEGORY);
        if (category >= 0) {
          records.add(JSON.readTree(line.substring(line.indexOf('{', category))));
        }
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (polling the log) for a record that matches; Keycloak writes events after commit. */
  JsonNode await(String type, Predicate<JsonNode> matches) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode record : records()) {
        if (type.equals(record.path("type").asText()) && matches.test(record)) {
          return record;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "No audit record of type " + type + " matched; records so far: " + records());
  }
}
