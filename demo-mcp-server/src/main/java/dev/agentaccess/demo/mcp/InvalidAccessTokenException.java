package dev.agentaccess.demo.mcp;

/** The bearer token was rejected; the message is safe to show the client as error_description. */
public class InvalidAccessTokenException extends Exception {
  public InvalidAccessTokenException(String description, Throwable cause) {
    super(description, cause);
  }
}
