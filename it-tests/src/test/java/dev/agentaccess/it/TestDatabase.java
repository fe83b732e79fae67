package dev.agentaccess.it;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Which database the test Keycloak stores in: its embedded dev database by default, or the
 * machine's PostgreSQL or MariaDB with {@code -Dkeycloak.db=postgres|mariadb}, so what we store is
 * proven on all three. Each run starts from an empty database.
 */
enum TestDatabase {
  DEV_FILE,
  POSTGRES,
  MARIADB;

  static final String DATABASE = "agent_access_it";

  static TestDatabase fromSystemProperty() {
    String db = System.getProperty("keycloak.db", "").trim().toLowerCase(Locale.ROOT);
    return switch (db) {
      case "", "dev-file", "h2" -> DEV_FILE;
      case "postgres", "postgresql" -> POSTGRES;
      case "mariadb" -> MARIADB;
      default ->
          throw new IllegalArgumentException("keycloak.db must be postgres or mariadb: " + db);
    };
  }

  /** Empties the database and returns the Keycloak options that point at it. */
  List<String> freshKeycloakOptions() throws IOException, InterruptedException {
    return switch (this) {
      case DEV_FILE -> List.of();
      case POSTGRES -> {
        run(
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-c",
            "DROP DATABASE IF EXISTS " + DATABASE);
        run(
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-c",
            "CREATE DATABASE " + DATABASE);
        yield List.of(
            "--db=postgres",
            "--db-url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
            "--db-username=postgres");
      }
      case MARIADB -> {
        run(
            "mariadb",
            "-h",
            "127.0.0.1",
            "-u",
            "root",
            "-e",
            "DROP DATABASE IF EXISTS "
                + DATABASE
                + "; CREATE DATABASE "
                + DATABASE
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        yield List.of(
            "--db=mariadb",
            "--db-url=jdbc:mariadb://127.0.0.1:3306/" + DATABASE,
            "--db-username=root",
            "--db-password=");
      }
    };
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
