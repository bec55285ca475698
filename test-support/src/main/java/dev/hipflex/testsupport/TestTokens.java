package dev.hipflex.testsupport;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints JWT bearer tokens for tests with a key pair generated for this JVM; no key is committed.
 * The key pair lives in system properties so that the test resource and the test class see the
 * same one whatever class loader each was loaded by.
 */
public final class TestTokens {

    public static final String ISSUER = "https://hipflex.dev/dev-issuer";
    private static final String PUBLIC_PROPERTY = "hipflex.test.jwt.public-key";
    private static final String PRIVATE_PROPERTY = "hipflex.test.jwt.private-key";

    private TestTokens() {
    }

    /** A token whose subject is the person and whose groups are the given roles. */
    public static String token(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1))
                .sign(privateKey());
    }

    /** A token signed by a key pair the service does not trust. */
    public static String foreignToken(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles)).expiresIn(Duration.ofHours(1))
                .sign(generate().getPrivate());
    }

    static synchronized String publicKeyPem() {
        ensureKeys();
        return System.getProperty(PUBLIC_PROPERTY);
    }

    private static PrivateKey privateKey() {
        ensureKeys();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PRIVATE_PROPERTY));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensureKeys() {
        if (System.getProperty(PRIVATE_PROPERTY) != null) {
            return;
        }
        KeyPair pair = generate();
        Base64.Encoder base64 = Base64.getEncoder();
        System.setProperty(PRIVATE_PROPERTY, base64.encodeToString(pair.getPrivate().getEncoded()));
        System.setProperty(PUBLIC_PROPERTY, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----");
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
