#!/usr/bin/env bash
# Runs every test: unit tests, the demo MCP server's tests, and the integration tests against a
# real Keycloak 26.7.3 with our jar (Chromium through Selenium as the person, the official MCP
# TypeScript SDK as the agent). Installs what a fresh Debian machine lacks first.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '[test] %s\n' "$*"; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Debian's chromium and chromium-driver..."
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

say "installing the test agent's npm packages from the committed lockfile..."
(cd it-tests/agent && npm ci --no-audit --no-fund --loglevel=error)

say "building and running all tests..."
mvn -B verify
