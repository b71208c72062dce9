package io.conoha.assistant.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.testing.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every OpenStack fault shape becomes one readable line. */
class FaultParserTest {

  @Test
  void novaItemNotFound() {
    assertThat(FaultParser.parse(404, Fixtures.text("error_404_nova.json")).describe())
        .isEqualTo("itemNotFound: Instance 00000000-0000-0000-0000-000000000000 could not be found.");
  }

  @Test
  void novaConflictingRequest() {
    assertThat(FaultParser.parse(409, Fixtures.text("error_409_nova.json")).describe())
        .isEqualTo("conflictingRequest: Cannot 'stop' instance 1fa4677b-4d53-47d2-a3ed-6793d7479e75 while it is in vm_state stopped");
  }

  @Test
  void glanceMessageLosesItsHtmlBreaks() {
    assertThat(FaultParser.parse(404, Fixtures.text("error_404_glance.json")).describe())
        .isEqualTo("Not Found: No image found with ID 00000000-0000-0000-0000-000000000000");
  }

  @Test
  void keystoneErrorObject() {
    String body = "{\"error\":{\"message\":\"The request you have made requires authentication.\",\"code\":401,"
        + "\"title\":\"Unauthorized\"}}";

    assertThat(FaultParser.parse(401, body).describe())
        .isEqualTo("Unauthorized: The request you have made requires authentication.");
  }

  @Test
  void badRequestComputeFaultAndOverLimit() {
    assertThat(FaultParser.parse(400, "{\"badRequest\":{\"message\":\"Invalid flavorRef provided.\",\"code\":400}}")
        .describe()).isEqualTo("badRequest: Invalid flavorRef provided.");
    assertThat(FaultParser.parse(500, "{\"computeFault\":{\"message\":\"Unexpected API Error.\",\"code\":500}}")
        .describe()).isEqualTo("computeFault: Unexpected API Error.");
    assertThat(FaultParser.parse(413, "{\"overLimit\":{\"message\":\"This request was rate-limited.\",\"code\":413,"
        + "\"retryAfter\":\"2\"}}").describe()).isEqualTo("overLimit: This request was rate-limited.");
  }

  @Test
  void theHtml404OfAKeystoneWithoutV2BecomesItsText() {
    assertThat(FaultParser.parse(404, Fixtures.text("keystone_v2_tokens_error.txt")).describe())
        .isEqualTo("Not Found The requested URL was not found on the server. If you entered the URL manually "
            + "please check your spelling and try again.");
  }

  @Test
  void plainTextIsFoldedOntoOneLineAndAnEmptyBodyGivesTheReasonPhrase() {
    assertThat(FaultParser.parse(503, "503 Service Unavailable\n\nThe server is currently unavailable.\n\n  ")
        .describe()).isEqualTo("503 Service Unavailable The server is currently unavailable.");
    assertThat(FaultParser.parse(503, "").describe()).isEqualTo("Service Unavailable");
  }

  @Test
  void aVeryLongBodyIsCut() {
    assertThat(FaultParser.parse(500, "x".repeat(5000)).message()).hasSize(303).endsWith("...");
  }

  @Test
  void novasValidationMessageKeepsItsReasonWhenTheEchoedRequestIsLong() {
    String echoed = "{'flavorRef': 'f1', 'imageRef': 'i1', 'metadata': {'k': '" + "v".repeat(600) + "'}}";
    String body = "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute server. Value: "
        + echoed + ". 'name' is a required property\"}}";

    String message = FaultParser.parse(400, body).message();

    assertThat(message).startsWith("Invalid input for field/attribute server. Value: {'flavorRef': 'f1'")
        .endsWith("... 'name' is a required property".substring(3)).contains("...");
    assertThat(message.length()).isLessThanOrEqualTo(310);
  }

  @Test
  void statusesMapToKindsAndA413QuotaIsNotARateLimit() {
    FaultParser.Fault overLimit = FaultParser.parse(413, "{\"overLimit\":{\"message\":\"This request was rate-limited.\"}}");
    FaultParser.Fault quota = FaultParser.parse(413,
        "{\"overLimit\":{\"message\":\"Quota exceeded for instances: Requested 1, but already used 10 of 10\"}}");

    assertThat(HttpExchange.kindOf(413, overLimit, null)).isEqualTo(Kind.RATE_LIMITED);
    assertThat(HttpExchange.kindOf(413, quota, null)).isEqualTo(Kind.QUOTA_EXCEEDED);
    assertThat(HttpExchange.kindOf(413, quota, Duration.ofSeconds(3))).isEqualTo(Kind.RATE_LIMITED);
    assertThat(HttpExchange.kindOf(429, overLimit, null)).isEqualTo(Kind.RATE_LIMITED);
    FaultParser.Fault imageQuota = FaultParser.parse(403,
        "{\"forbidden\":{\"code\":403,\"message\":\"Quota exceeded: image storage 50GB\"}}");
    FaultParser.Fault denied = FaultParser.parse(403, "{\"forbidden\":{\"code\":403,\"message\":\"Policy doesn't allow\"}}");
    assertThat(HttpExchange.kindOf(403, imageQuota, null)).isEqualTo(Kind.QUOTA_EXCEEDED);
    assertThat(HttpExchange.kindOf(403, denied, null)).isEqualTo(Kind.FORBIDDEN);
    assertThat(HttpExchange.kindOf(409, overLimit, null)).isEqualTo(Kind.CONFLICT);
    assertThat(HttpExchange.kindOf(503, overLimit, null)).isEqualTo(Kind.SERVER_ERROR);
    assertThat(HttpExchange.kindOf(422, overLimit, null)).isEqualTo(Kind.BAD_REQUEST);
  }
}
