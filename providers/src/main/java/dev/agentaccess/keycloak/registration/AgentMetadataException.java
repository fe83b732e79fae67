package dev.agentaccess.keycloak.registration;

/** Client metadata an agent may not register, with the RFC 7591 §3.2.2 error code to answer. */
final class AgentMetadataException extends Exception {

  static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
  static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";

  private final String error;

  AgentMetadataException(String error, String description) {
    super(description, null, false, false);
    this.error = error;
  }

  String error() {
    return error;
  }
}
