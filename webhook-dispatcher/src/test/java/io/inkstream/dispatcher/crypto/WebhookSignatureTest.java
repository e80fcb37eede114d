package io.inkstream.dispatcher.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void givenStandardWebhooksVector_whenSigning_thenSignatureMatches() {
        assertThat(WebhookSignature.sign(SECRET, MSG_ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void givenTwoSecrets_whenBuildingHeader_thenOneSpaceSeparatedEntryEach() {
        String other = WebhookSignature.newSecret(32);
        String header = WebhookSignature.header(List.of(SECRET, other), MSG_ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).containsExactly("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(other, MSG_ID, TIMESTAMP, BODY));
    }

    @Test
    void givenNewSecret_whenDecoded_thenPrefixedAndRequestedLength() {
        String secret = WebhookSignature.newSecret(24);
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
    }
}
