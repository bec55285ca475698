package dev.hipflex.tracking.config;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.hipflex.common.identity.PersonIds;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each bearer token once and remembers the result until the token expires. An app sends the same token with
 * every request for hours, and parsing plus checking its signature and claims is a large share of what a session
 * costs the service (figures in docs/performance.md). Only a token that passed full verification is remembered, keyed by its exact text, and never past
 * its {@code exp}; a token signed with a key the service no longer trusts stays accepted until then (at most its
 * lifetime), which is the price of not verifying it again. A subject that is not a pseudonymous person id is refused.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    /** Enough for every person active at once; past it the cache starts over rather than grow. */
    private static final int CAPACITY = 50_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal known = verified.get(token);
        if (known != null) {
            // System time, as the verifier itself checks exp against it.
            if (System.currentTimeMillis() / 1000 < known.getExpirationTime()) {
                return known;
            }
            verified.remove(token);
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        if (!PersonIds.isPseudonymous(principal.getSubject())) {
            // The subject becomes a record key and a field of every event: an e-mail address must not get that far.
            throw new ParseException("The token's subject " + PersonIds.RULE);
        }
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
        verified.put(token, principal);
        return principal;
    }
}
