package dev.hipflex.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One generated invalid request and what must come back: one of {@code expected} (always 4xx), with a
 * problem body that, for a 400, names {@code field} (null when no field is to blame, as for a body that is
 * not JSON at all).
 *
 * @param kind what was wrong with it, for the counts (wrong-type, huge-body, bad-token...)
 * @param authorization the {@code Authorization} header, null for none
 * @param contentType the {@code Content-Type} header, null for none
 * @param body null for no body
 * @param note the mutation in words, printed with offenders
 */
record FuzzCase(String service, String kind, String method, String path, String authorization, String contentType,
        byte[] body, Set<Integer> expected, String field, String note) {

    String describe() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
        if (body != null && body.length > 400) {
            shown += "... (" + body.length + " bytes)";
        }
        String auth = authorization == null ? "none" : authorization.length() > 24 ? authorization.substring(0, 24) + "..." : authorization;
        return method + " " + path + " [" + kind + ": " + note + "] auth=" + auth + " content-type=" + contentType
                + (body == null ? "" : " body=" + shown);
    }
}
