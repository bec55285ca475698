package dev.hipflex.common.identity;

import java.util.regex.Pattern;

/**
 * What a person's id may look like everywhere on the platform: pseudonymous, never an e-mail address or a name. The
 * id is the JWT subject; it becomes a record key and a field of every event analytics reads (contracts/README.md).
 */
public final class PersonIds {

    private static final Pattern PSEUDONYMOUS = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Said to a client whose id does not have that form. */
    public static final String RULE = "must be a pseudonymous id of 1 to 64 letters, digits or . _ : -";

    private PersonIds() {
    }

    public static boolean isPseudonymous(String id) {
        return id != null && PSEUDONYMOUS.matcher(id).matches();
    }
}
