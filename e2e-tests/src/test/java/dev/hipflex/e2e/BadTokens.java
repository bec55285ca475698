package dev.hipflex.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.hipflex.testsupport.TestTokens;
import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens a service must refuse with 401: expired, signed by a key it does not trust, from another
 * issuer, unsigned, tampered with, or not a token at all. The stack's tokens come from its Keycloak, whose keys
 * never leave it: the expired, not-yet-valid and other-issuer tokens are signed with a key of this test's own, so
 * their signature alone already condemns them, and they show only that no such token gets through.
 */
final class BadTokens {

    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * @param issuer the stack's issuer, which the expired and not-yet-valid tokens claim
     * @param validToken a token the services accept, to tamper with
     */
    BadTokens(String issuer, String subject, String validToken) {
        PrivateKey key = foreignKey();
        Instant now = Instant.now();
        headers.put("none", null);
        headers.put("empty bearer", "Bearer ");
        headers.put("garbage", "Bearer not-a-jwt");
        headers.put("three garbage parts", "Bearer aaaa.bbbb.cccc");
        headers.put("basic auth", "Basic " + Base64.getEncoder().encodeToString("user:password".getBytes(StandardCharsets.UTF_8)));
        headers.put("token without scheme", validToken);
        headers.put("expired", "Bearer " + Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of("user", "editor"))
                .issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign(key));
        headers.put("not yet valid", "Bearer " + Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of("user", "editor"))
                .issuedAt(now.plusSeconds(3600)).claim("nbf", now.plusSeconds(3600).getEpochSecond())
                .expiresAt(now.plusSeconds(7200)).sign(key));
        headers.put("wrong issuer", "Bearer " + Jwt.issuer("https://evil.example/issuer").subject(subject).upn(subject)
                .groups(Set.of("user", "editor")).expiresAt(now.plusSeconds(3600)).sign(key));
        headers.put("wrong signature", "Bearer " + TestTokens.foreignToken(subject, "user", "editor"));
        headers.put("unsigned (alg none)", "Bearer " + unsigned(issuer, subject, now));
        headers.put("tampered payload", "Bearer " + tampered(validToken));
    }

    /** Name of each bad token and its {@code Authorization} header value (null: no header at all). */
    Map<String, String> all() {
        return headers;
    }

    private static String unsigned(String issuer, String subject, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"user\",\"editor\"],\"exp\":" + now.plusSeconds(3600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** The valid token with its payload changed (an editor role added) and the original signature kept. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replaceFirst("\"groups\"\\s*:\\s*\\[", "\"groups\":[\"editor\",");
        if (changed.equals(payload)) {
            changed = payload.replaceFirst("\\{", "{\"groups\":[\"editor\"],");
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
