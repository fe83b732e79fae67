#!/usr/bin/env bash
# Runs Agent Access for Keycloak on this machine: Keycloak 26.7.3 (from Maven Central, cached)
# with our jar and the demo realm on its embedded dev database at http://localhost:8080, and the
# demo MCP server at http://localhost:8081/mcp. Ctrl-C (or SIGTERM) stops both. Data is kept in
# .run/ between runs; delete that folder to start from scratch. Works without a terminal too:
#   nohup ./run.sh > run.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")"

KEYCLOAK_VERSION=26.7.3
VERSION=0.1.0-SNAPSHOT
RUN_DIR=.run
KEYCLOAK_HOME="$RUN_DIR/keycloak-$KEYCLOAK_VERSION"
PROVIDER_JAR="providers/target/agent-access-keycloak-$VERSION.jar"
DEMO_JAR="demo-mcp-server/target/demo-mcp-server.jar"
REALM_EXPORT="realm-exports/saasalytics-realm.json"
KEYCLOAK_URL="http://localhost:8080"
MCP_URL="http://localhost:8081/mcp"
ADMIN_USER="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

say() { printf '[run] %s\n' "$*"; }
fail() { printf '[run] error: %s\n' "$*" >&2; exit 1; }

for port in 8080 8081 9000; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is already in use (an earlier ./run.sh still running?). Stop it first."
  fi
done

# 1. Build what is missing or older than its sources.
stale() { # stale <artifact> <source paths...>
  local artifact=$1; shift
  [ ! -f "$artifact" ] || [ -n "$(find "$@" -newer "$artifact" -type f -print -quit)" ]
}
if stale "$PROVIDER_JAR" pom.xml providers/pom.xml providers/src themes \
  || stale "$DEMO_JAR" pom.xml demo-mcp-server/pom.xml demo-mcp-server/src; then
  say "building the providers jar and the demo MCP server (mvn package)..."
  mvn -B -q -Dstyle.color=never -DskipTests -pl providers,demo-mcp-server -am package
fi

# 2. The stock Keycloak distribution, taken from Maven Central once and cached.
if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
  say "unpacking Keycloak $KEYCLOAK_VERSION from Maven Central into $RUN_DIR (first run only)..."
  mkdir -p "$RUN_DIR"
  mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$RUN_DIR"
fi

# 3. What an admin does: our jar into providers/, the realm export into data/import/.
if ! cmp -s "$PROVIDER_JAR" "$KEYCLOAK_HOME/providers/agent-access-keycloak.jar"; then
  cp "$PROVIDER_JAR" "$KEYCLOAK_HOME/providers/agent-access-keycloak.jar"
fi
mkdir -p "$KEYCLOAK_HOME/data/import"
cp "$REALM_EXPORT" "$KEYCLOAK_HOME/data/import/"

# 4. Start both; stop both on Ctrl-C, SIGTERM or when either dies.
pids=()
stop() {
  trap - INT TERM EXIT
  say "stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  say "stopped."
}
trap stop INT TERM EXIT

# Logs are appended to, never truncated: the Keycloak log holds the audit trail.
say "starting Keycloak (log: $RUN_DIR/keycloak.log)..."
KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm </dev/null >>"$RUN_DIR/keycloak.log" 2>&1 &
pids+=($!)

say "starting the demo MCP server (log: $RUN_DIR/mcp-server.log)..."
java -jar "$DEMO_JAR" </dev/null >>"$RUN_DIR/mcp-server.log" 2>&1 &
pids+=($!)

say "waiting for Keycloak to serve the saasalytics realm..."
for _ in $(seq 1 240); do
  if curl -sf "$KEYCLOAK_URL/realms/saasalytics/.well-known/openid-configuration" >/dev/null 2>&1; then
    break
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || fail "a server exited during start-up; see $RUN_DIR/*.log"
  done
  sleep 1
done
curl -sf "$KEYCLOAK_URL/realms/saasalytics/.well-known/openid-configuration" >/dev/null \
  || fail "Keycloak did not come up in 4 minutes; see $RUN_DIR/keycloak.log"

cat <<INFO

  Agent Access for Keycloak is running.

  Admin console     $KEYCLOAK_URL/admin/   (bootstrap admin $ADMIN_USER / $ADMIN_PASSWORD, created on the first run)
  Demo realm        saasalytics  (for demos only: never use its user or settings in production)
  Demo user         alice / alice
  MCP server        $MCP_URL
  Account console   $KEYCLOAK_URL/realms/saasalytics/account/  (alice sees approved agents under Applications)

  Connect an MCP client to $MCP_URL, for example:
    claude mcp add --transport http saasalytics $MCP_URL
    npx @modelcontextprotocol/inspector   (Transport: Streamable HTTP, URL: $MCP_URL)
  The client registers itself, your browser opens Keycloak: log in as alice and approve.

  Logs: $RUN_DIR/keycloak.log (audit lines: grep dev.agentaccess.audit), $RUN_DIR/mcp-server.log.
  Press Ctrl-C (or send SIGTERM) to stop both.

INFO

# Return as soon as either server stops, then stop the other.
wait -n "${pids[@]}" || true
