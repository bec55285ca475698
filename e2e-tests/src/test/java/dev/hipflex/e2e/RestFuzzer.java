package dev.hipflex.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates invalid requests for the three services from a seeded {@link Random}: every request is invalid
 * by construction (one thing wrong with an otherwise valid request), so any 2xx answer is a write that must
 * not have happened. Bodies start from valid templates and get exactly one mutation from the body's field
 * list; requests get a bad token, a wrong content type, a huge or malformed body, a bad path id or bad
 * query parameters.
 */
final class RestFuzzer {

    /** One person the fuzzing acts as: nothing may ever be stored for them. */
    record Actor(String id, String token) {
    }

    /** What the generator needs to know of the running platform. */
    record Setup(List<Actor> persons, Actor reader, String victimId, String editorToken, Map<String, String> badTokens,
            Map<String, Integer> bodyLimits, ObjectNode exercise, ObjectNode muscle, List<String> exerciseSlugs) {
    }

    enum Type {
        UUID, STRING, ZONE, DATETIME, INT, BOOL, ENUM, ENUM_SET, SLUG_LIST, STRING_LIST, OBJECT, LIST
    }

    /**
     * One field of a request body.
     *
     * @param path dotted path in the body
     * @param reportedAs the field a 400 must name for it (a validator may name the enclosing range, say)
     * @param nonEmpty the list must have at least one entry
     * @param words the vocabulary of an enum field, or known values of a slug list
     */
    record Field(String path, Type type, boolean required, boolean nonEmpty, long min, long max, List<String> words,
            String reportedAs, int maxLength) {

        static Field of(String path, Type type, boolean required) {
            return new Field(path, type, required, false, 0, 0, List.of(), path, 0);
        }

        static Field number(String path, boolean required, long min, long max) {
            return new Field(path, Type.INT, required, false, min, max, List.of(), path, 0);
        }

        static Field words(String path, Type type, boolean required, boolean nonEmpty, List<String> words) {
            return new Field(path, type, required, nonEmpty, 0, 0, words, path, 0);
        }

        Field reportedAs(String name) {
            return new Field(path, type, required, nonEmpty, min, max, words, name, maxLength);
        }

        Field atLeastOne() {
            return new Field(path, type, required, true, min, max, words, reportedAs, maxLength);
        }

        Field maxLength(int length) {
            return new Field(path, type, required, nonEmpty, min, max, words, reportedAs, length);
        }
    }

    /** Kinds of a body over the service's limit, sent with a Content-Length or chunked (RestFuzzFaultTest sends them). */
    static final String HUGE_BODY = "huge-body";
    static final String HUGE_CHUNKED_BODY = "huge-chunked-body";

    private static final String JSON = "application/json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "application/octet-stream",
            "text/json", "application/jsonx", "image/png");
    private static final List<String> BAD_ZONES = List.of("Mars/Olympus_Mons", "Europe/Berlinn", "", "   ", "UTC+99",
            "+25:00", "GMT+24", "Europe/../Berlin", "Europe/Berlin\u0000", "Not a zone", "Asia/Atlantis", "../../etc/passwd");
    private static final List<String> UNKNOWN_FIELDS = List.of("foo", "admin", "userID", "isAdmin", "__proto__",
            "constructor", "extra", "Intensity", "report_id", "deleted", "id", "$where");
    /** Path ids as they go on the wire (already percent-encoded). */
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g",
            "%27%20or%20%271%27%3D%271", "%20", "..%2F..%2Fetc", "null", "undefined", "-1", "1e99",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "6ba7b810-9dad-11d1-80b4", "%7BreportId%7D", "%00", "%E2%98%83");
    private static final String[] MALFORMED = { "{", "}", "{\"a\":}", "{'single': 'quotes'}", "{\"a\":1,}",
            "{\"a\" 1}", "NaN", "{\"a\":NaN}", "{\"a\":01}", "{}{}", "{\"a\":\"unterminated}", "{/* comment */}",
            "{\"a\":[1,2}", "\u0000", "{\"a\":\"\\x\"}", "<json/>", "{\"a\":tru}", "[", "{\"a\":-}" };
    private static final String[] NOT_OBJECTS = { "[]", "42", "\"a string\"", "true", "[{}]", "3.14" };

    private final Random random;
    private final Setup setup;
    private final ObjectMapper json = new ObjectMapper();

    RestFuzzer(Random random, Setup setup) {
        this.random = random;
        this.setup = setup;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Per service: a weighted mix of endpoints, each weight a supplier of one invalid request.

    FuzzCase next(String service) {
        return switch (service) {
            case "triage" -> pick(List.of(
                    weighted(55, () -> bodyCase("triage", "POST", "/api/v1/symptom-reports", report(), triageFields(), anyPerson())),
                    weighted(25, () -> requestCase("triage", "POST", "/api/v1/symptom-reports", report(), true)),
                    weighted(3, this::otherPersonsReport),
                    weighted(6, this::recommendationOfBadReport),
                    weighted(9, () -> badQuery("triage", "/api/v1/me/recommendations", List.of("limit", "offset"))),
                    weighted(2, () -> notAllowed("triage", "DELETE", "/api/v1/symptom-reports"))));
            case "tracking" -> pick(List.of(
                    weighted(33, () -> bodyCase("tracking", "POST", "/api/v1/me/sessions", session(), sessionFields(), anyPerson())),
                    weighted(14, () -> requestCase("tracking", "POST", "/api/v1/me/sessions", session(), true)),
                    weighted(14, () -> bodyCase("tracking", "POST", "/api/v1/me/check-ins", checkIn(), checkInFields(), anyPerson())),
                    weighted(6, () -> requestCase("tracking", "POST", "/api/v1/me/check-ins", checkIn(), true)),
                    weighted(5, () -> bodyCase("tracking", "POST", "/api/v1/me/plan/start", planStart(), planStartFields(), anyPerson())),
                    weighted(4, () -> requestCase("tracking", "POST", "/api/v1/me/plan/start", planStart(), true)),
                    weighted(3, this::pauseWithoutPlan),
                    weighted(12, this::badSessionsQuery),
                    weighted(5, this::readsWithoutPlanOrToken),
                    weighted(2, () -> notAllowed("tracking", "DELETE", "/api/v1/me/sessions")),
                    weighted(2, () -> new FuzzCase("tracking", "no-such-path", "GET", "/api/v1/me/sessions/" + pickOf(BAD_IDS),
                            bearer(anyPerson().token()), null, null, Set.of(404), null, "a session by id has no endpoint"))));
            case "catalog" -> pick(List.of(
                    weighted(22, this::badExerciseSearch),
                    weighted(8, this::unknownItem),
                    weighted(20, () -> bodyCase("catalog", "POST", "/api/v1/exercises", newExercise(), exerciseFields(), editor())),
                    weighted(10, () -> requestCase("catalog", "POST", "/api/v1/exercises", newExercise(), false)),
                    weighted(14, () -> bodyCase("catalog", "PUT", "/api/v1/exercises/" + text(setup.exercise(), "slug"),
                            setup.exercise().deepCopy(), exerciseFields(), editor())),
                    weighted(5, () -> requestCase("catalog", "PUT", "/api/v1/exercises/" + text(setup.exercise(), "slug"),
                            setup.exercise().deepCopy(), false)),
                    weighted(7, this::deleteNotAllowed),
                    weighted(4, () -> requestCase("catalog", "POST", "/api/v1/muscles", newMuscle(), false)),
                    weighted(4, () -> unknownFieldCase("catalog", "PUT", "/api/v1/muscles/" + text(setup.muscle(), "slug"),
                            setup.muscle().deepCopy(), editor())),
                    weighted(2, () -> notAllowed("catalog", "PATCH", "/api/v1/exercises/" + text(setup.exercise(), "slug")))));
            default -> throw new IllegalArgumentException(service);
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Valid templates: each passes validation as it is, so the single mutation applied is what makes it invalid.

    /**
     * A valid report with every field a person can send drawn at random, the screening answers and the optional fields
     * too: a mutation of any of them must be refused whatever the others say.
     */
    private ObjectNode report() {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5 + random.nextInt(600)).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode r = NODES.objectNode();
        r.put("reportId", uuid());
        r.put("reportedAt", at.toString());
        r.put("timeZone", pickOf(List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC")));
        r.set("painLocations", someOf(PAIN_LOCATIONS, true));
        r.put("side", pickOf(List.of("left", "right", "both")));
        r.set("qualities", someOf(QUALITIES, true));
        r.put("intensity", random.nextInt(11));
        r.put("onset", pickOf(ONSETS));
        r.put("daysSinceOnset", random.nextInt(3651));
        r.set("aggravatingActivities", someOf(ACTIVITIES, false));
        r.set("signs", someOf(SIGNS, false));
        r.set("history", someOf(HISTORY, false));
        r.set("warningSigns", someOf(WARNING_SIGNS, false));
        ObjectNode profile = r.putObject("profile");
        profile.put("runner", random.nextBoolean());
        profile.put("deskWorker", random.nextBoolean());
        profile.put("hoursSittingPerDay", random.nextInt(25));
        if (random.nextBoolean()) {
            profile.put("runningShoeAgeMonths", random.nextInt(241));
        }
        profile.put("wearsRaisedHeels", random.nextBoolean());
        profile.put("wantsDeepPsoasRelease", random.nextBoolean());
        if (random.nextBoolean()) {
            // Weeks of work need the starting pain; the starting pain alone is allowed.
            r.put("weeksOfConsistentWork", random.nextInt(105));
            r.put("startingIntensity", random.nextInt(11));
        } else if (random.nextInt(4) == 0) {
            r.put("startingIntensity", random.nextInt(11));
        }
        r.put("age", random.nextInt(121));
        r.set("screening", screening());
        return r;
    }

    /** Every screening answer, drawn at random but consistent: lump signs only with a lump, weeks only in pregnancy. */
    private ObjectNode screening() {
        ObjectNode s = NODES.objectNode();
        s.set("caudaEquinaSigns", someOf(CAUDA_EQUINA_SIGNS, false));
        String lump = pickOf(GROIN_LUMPS);
        s.put("groinLump", lump);
        s.set("groinLumpSigns", lump.equals("none") ? array() : someOf(LUMP_SIGNS, false));
        s.put("painIntoTesticle", pickOf(PAIN_INTO_TESTICLE));
        for (String answer : SCREENING_YES_NO) {
            s.put(answer, random.nextBoolean());
        }
        s.set("medicalHistory", someOf(MEDICAL_HISTORY, false));
        String pregnancy = pickOf(PREGNANCY);
        s.put("pregnancy", pregnancy);
        if (pregnancy.equals("pregnant")) {
            s.put("pregnancyWeeks", 1 + random.nextInt(42));
        }
        return s;
    }

    /** A random subset of the words, in their order; at least one when asked. */
    private ArrayNode someOf(List<String> words, boolean atLeastOne) {
        ArrayNode chosen = NODES.arrayNode();
        for (String word : words) {
            if (random.nextInt(3) == 0) {
                chosen.add(word);
            }
        }
        if (atLeastOne && chosen.isEmpty()) {
            chosen.add(pickOf(words));
        }
        return chosen;
    }

    private static final List<String> PAIN_LOCATIONS = List.of("front-of-hip", "groin", "outer-hip", "front-of-thigh",
            "low-back", "knee", "buttock-si");
    private static final List<String> QUALITIES = List.of("dull-ache", "tightness", "sharp", "burning", "pinching",
            "snapping");
    private static final List<String> ONSETS = List.of("gradual", "sudden-during-exercise");
    private static final List<String> ACTIVITIES = List.of("sitting", "standing-up", "running", "stairs", "deep-squat",
            "lifting-the-knee", "sleeping");
    private static final List<String> SIGNS = List.of("numbness", "tingling", "radiating-down-the-leg",
            "clicking-catching-locking", "limping", "cannot-bear-weight");
    private static final List<String> HISTORY = List.of("hip-surgery-or-structural-issue", "pregnancy",
            "abdominal-condition");
    /** What a new report over REST may say: night-or-rest-pain is read only from older producers on the topic. */
    private static final List<String> WARNING_SIGNS = List.of("pain-when-hopping",
            "recent-big-jump-in-running-load", "recent-fall-or-injury", "fever-or-unwell", "hot-swollen-hip",
            "unexplained-weight-loss", "past-cancer");
    private static final List<String> CAUDA_EQUINA_SIGNS = List.of("saddle-numbness", "new-bladder-or-bowel-change",
            "symptoms-in-both-legs");
    private static final List<String> GROIN_LUMPS = List.of("none", "goes-back-in", "stays-out");
    private static final List<String> LUMP_SIGNS = List.of("painful", "pulses", "with-vomiting");
    private static final List<String> PAIN_INTO_TESTICLE = List.of("none", "came-on-suddenly", "came-on-gradually");
    private static final List<String> MEDICAL_HISTORY = List.of("long-term-steroids", "osteoporosis", "blood-thinners",
            "vascular-disease", "inflammatory-bowel-disease", "recent-abdominal-or-pelvic-surgery");
    private static final List<String> PREGNANCY = List.of("not-pregnant", "possibly-pregnant", "pregnant");
    private static final List<String> SCREENING_YES_NO = List.of("bellyPain", "painOnStraighteningTheHip",
            "urinarySymptoms", "gaveBirthInLast3Months", "painOnlyWhenLyingOnIt", "constantPainDayAndNight",
            "fallSinceThePainBegan", "achingHipsWithMorningStiffness");

    /** Every field of a report, the screening answers and the optional fields among them. */
    private static List<Field> triageFields() {
        List<Field> fields = new ArrayList<>(List.of(
                Field.of("reportId", Type.UUID, true),
                Field.of("reportedAt", Type.DATETIME, true),
                Field.of("timeZone", Type.ZONE, true),
                Field.words("painLocations", Type.ENUM_SET, true, true, PAIN_LOCATIONS),
                Field.words("side", Type.ENUM, true, false, List.of("left", "right", "both")),
                Field.words("qualities", Type.ENUM_SET, true, true, QUALITIES),
                Field.number("intensity", true, 0, 10),
                Field.words("onset", Type.ENUM, true, false, ONSETS),
                Field.number("daysSinceOnset", true, 0, 3650),
                Field.words("aggravatingActivities", Type.ENUM_SET, true, false, ACTIVITIES),
                Field.words("signs", Type.ENUM_SET, true, false, SIGNS),
                Field.words("history", Type.ENUM_SET, true, false, HISTORY),
                Field.words("warningSigns", Type.ENUM_SET, true, false, WARNING_SIGNS),
                Field.of("profile", Type.OBJECT, true),
                Field.of("profile.runner", Type.BOOL, true),
                Field.of("profile.deskWorker", Type.BOOL, true),
                Field.number("profile.hoursSittingPerDay", true, 0, 24),
                Field.number("profile.runningShoeAgeMonths", false, 0, 240),
                Field.of("profile.wearsRaisedHeels", Type.BOOL, true),
                Field.of("profile.wantsDeepPsoasRelease", Type.BOOL, true),
                Field.number("weeksOfConsistentWork", false, 0, 104),
                // Required only beside weeks of work: never removed here, only made wrong.
                Field.number("startingIntensity", false, 0, 10),
                Field.number("age", true, 0, 120),
                Field.of("screening", Type.OBJECT, true),
                Field.words("screening.caudaEquinaSigns", Type.ENUM_SET, true, false, CAUDA_EQUINA_SIGNS),
                Field.words("screening.groinLump", Type.ENUM, true, false, GROIN_LUMPS),
                Field.words("screening.groinLumpSigns", Type.ENUM_SET, true, false, LUMP_SIGNS),
                Field.words("screening.painIntoTesticle", Type.ENUM, true, false, PAIN_INTO_TESTICLE),
                Field.words("screening.medicalHistory", Type.ENUM_SET, true, false, MEDICAL_HISTORY),
                Field.words("screening.pregnancy", Type.ENUM, true, false, PREGNANCY),
                // Given exactly when pregnant: never removed here (a report that is not pregnant has none), only made wrong.
                Field.number("screening.pregnancyWeeks", false, 1, 42)));
        for (String answer : SCREENING_YES_NO) {
            fields.add(Field.of("screening." + answer, Type.BOOL, true));
        }
        return List.copyOf(fields);
    }

    private ObjectNode session() {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1 + random.nextInt(200)).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode s = NODES.objectNode();
        s.put("sessionId", uuid());
        s.put("startedAt", at.toString());
        s.put("timeZone", pickOf(List.of("Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC")));
        if (random.nextBoolean()) {
            s.put("endedAt", at.plusMinutes(20).toString());
        }
        s.put("minutes", 1 + random.nextInt(60));
        s.set("phases", array("release", "stretch"));
        List<String> slugs = setup.exerciseSlugs();
        s.set("exercises", array(slugs.get(random.nextInt(slugs.size()))));
        s.put("sides", pickOf(List.of("left", "right", "both")));
        s.put("painBefore", random.nextInt(11));
        s.put("painAfter", random.nextInt(11));
        return s;
    }

    private List<Field> sessionFields() {
        return List.of(
                Field.of("sessionId", Type.UUID, true),
                Field.of("startedAt", Type.DATETIME, true),
                Field.of("timeZone", Type.ZONE, true),
                Field.of("endedAt", Type.DATETIME, false),
                Field.number("minutes", true, 1, 240),
                Field.words("phases", Type.ENUM_SET, true, true, List.of("release", "stretch", "strengthen")),
                Field.words("exercises", Type.SLUG_LIST, true, false, setup.exerciseSlugs()),
                Field.words("sides", Type.ENUM, true, false, List.of("left", "right", "both")),
                Field.number("painBefore", true, 0, 10),
                Field.number("painAfter", true, 0, 10));
    }

    private ObjectNode checkIn() {
        ObjectNode c = NODES.objectNode();
        c.put("checkInId", uuid());
        if (random.nextBoolean()) {
            c.put("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(random.nextInt(48)).truncatedTo(ChronoUnit.SECONDS).toString());
        }
        c.put("timeZone", pickOf(List.of("Europe/Berlin", "Australia/Sydney", "UTC")));
        c.put("pain", random.nextInt(11));
        if (random.nextBoolean()) {
            c.put("notes", "stiff after the long drive");
        }
        return c;
    }

    private static List<Field> checkInFields() {
        return List.of(
                Field.of("checkInId", Type.UUID, true),
                Field.of("at", Type.DATETIME, false),
                Field.of("timeZone", Type.ZONE, true),
                Field.number("pain", true, 0, 10),
                Field.of("notes", Type.STRING, false).maxLength(500));
    }

    private ObjectNode planStart() {
        ObjectNode p = NODES.objectNode();
        p.put("timeZone", pickOf(List.of("Europe/Berlin", "America/Chicago")));
        return p;
    }

    private static List<Field> planStartFields() {
        return List.of(Field.of("timeZone", Type.ZONE, true));
    }

    /** An exercise that does not exist yet: valid as it is, so it would be created if a mutation were ignored. */
    private ObjectNode newExercise() {
        ObjectNode e = setup.exercise().deepCopy();
        e.put("slug", "fuzz-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        return e;
    }

    private ObjectNode newMuscle() {
        ObjectNode m = setup.muscle().deepCopy();
        m.put("slug", "fuzz-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        return m;
    }

    private List<Field> exerciseFields() {
        return List.of(
                Field.of("slug", Type.STRING, true),
                Field.of("title", Type.STRING, true),
                Field.words("category", Type.ENUM, true, false, List.of("release", "stretch", "strengthen", "mobility")),
                Field.of("summary", Type.STRING, true),
                Field.words("targetMuscles", Type.SLUG_LIST, false, false, List.of()),
                Field.words("supportingMuscles", Type.ENUM_SET, true, false, List.of("gluteus-maximus", "gluteus-medius",
                        "hamstrings", "deep-core", "quadriceps", "quadratus-lumborum", "hip-rotators", "lumbar-spine", "calves")),
                Field.words("equipment", Type.ENUM_SET, true, true, List.of("none", "foam-roller", "lacrosse-ball", "mat",
                        "resistance-band", "knee-pad")),
                Field.words("startingPosition", Type.ENUM, true, false, List.of("lying-on-back", "lying-on-front",
                        "lying-on-side", "hands-and-knees", "hands-and-feet", "kneeling", "sitting", "standing")),
                Field.of("steps", Type.STRING_LIST, true).atLeastOne(),
                Field.of("dose", Type.OBJECT, true),
                Field.number("dose.sets.min", false, 1, 10).reportedAs("dose.sets"),
                Field.number("dose.reps.max", false, 1, 100).reportedAs("dose.reps"),
                Field.of("dose.perSide", Type.BOOL, true),
                Field.of("cautions", Type.STRING_LIST, true),
                Field.of("contraindications", Type.LIST, true),
                Field.of("commonMistakes", Type.STRING_LIST, true),
                Field.words("regressions", Type.SLUG_LIST, false, false, setup.exerciseSlugs()),
                Field.of("acuteSafe", Type.BOOL, true),
                Field.of("whyItWorks", Type.STRING, true),
                Field.words("sources", Type.SLUG_LIST, true, true, List.of()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Body mutations: exactly one field made invalid.

    private FuzzCase bodyCase(String service, String method, String path, ObjectNode body, List<Field> fields, Actor actor) {
        // Mostly one of the body's own fields made wrong; now and then a field the body does not have.
        if (random.nextInt(fields.size() + 2) < 2) {
            return unknownFieldCase(service, method, path, body, actor);
        }
        return mutate(service, method, path, body, fields.get(random.nextInt(fields.size())), actor);
    }

    /** One of the mutations that the field's type allows, picked at random. */
    private FuzzCase mutate(String service, String method, String path, ObjectNode body, Field f, Actor actor) {
        List<Supplier<String[]>> options = new ArrayList<>();
        // Each option sets the field and returns {kind, note}.
        if (f.required()) {
            options.add(() -> {
                remove(body, f.path());
                return new String[] { "missing-field", "without " + f.path() };
            });
            options.add(() -> {
                set(body, f.path(), NODES.nullNode());
                return new String[] { "null-field", f.path() + " null" };
            });
        }
        options.add(() -> {
            JsonNode value = wrongType(f.type());
            set(body, f.path(), value);
            return new String[] { "wrong-type", f.path() + " = " + value };
        });
        switch (f.type()) {
            case INT -> options.add(() -> {
                String value = pickOf(List.of(Long.toString(f.min() - 1), Long.toString(f.max() + 1), "1e9", "-1",
                        "2147483648", "-2147483649", "1e99", "99999999999999999999"));
                set(body, f.path(), rawNumber(value));
                return new String[] { "out-of-range", f.path() + " = " + value };
            });
            case DATETIME -> options.add(() -> {
                String value = badDate(f.path(), body);
                set(body, f.path(), NODES.textNode(value));
                return new String[] { "bad-date", f.path() + " = " + value };
            });
            case ZONE -> options.add(() -> {
                String value = pickOf(BAD_ZONES);
                set(body, f.path(), NODES.textNode(value));
                return new String[] { "bad-zone", f.path() + " = '" + value + "'" };
            });
            case ENUM -> options.add(() -> {
                String value = unknownWord(f.words());
                set(body, f.path(), NODES.textNode(value));
                return new String[] { "unknown-word", f.path() + " = " + value };
            });
            case ENUM_SET, SLUG_LIST -> {
                options.add(() -> {
                    String value = f.type() == Type.SLUG_LIST ? "no-such-" + f.path().replace('.', '-') : unknownWord(f.words());
                    set(body, f.path(), f.words().isEmpty() ? array(value) : array(pickOf(f.words()), value));
                    return new String[] { "unknown-word", f.path() + " with '" + value + "'" };
                });
                options.add(() -> {
                    ArrayNode values = f.words().isEmpty() ? NODES.arrayNode() : array(pickOf(f.words()));
                    values.addNull();
                    set(body, f.path(), values);
                    return new String[] { "null-element", f.path() + " = " + values };
                });
            }
            case STRING_LIST -> options.add(() -> {
                ArrayNode values = array("a valid entry");
                values.addNull();
                set(body, f.path(), values);
                return new String[] { "null-element", f.path() + " = " + values };
            });
            default -> {
            }
        }
        if (f.nonEmpty()) {
            options.add(() -> {
                set(body, f.path(), NODES.arrayNode());
                return new String[] { "empty-list", f.path() + " = []" };
            });
        }
        if (f.maxLength() > 0) {
            options.add(() -> {
                String value = "x".repeat(f.maxLength() + 1 + random.nextInt(200));
                set(body, f.path(), NODES.textNode(value));
                return new String[] { "too-long", f.path() + " of " + value.length() + " characters" };
            });
        }
        if (f.type() == Type.STRING && f.required()) {
            options.add(() -> {
                set(body, f.path(), NODES.textNode(pickOf(List.of("", "   "))));
                return new String[] { "blank", f.path() + " blank" };
            });
        }
        if (f.path().equals("slug")) {
            options.add(() -> {
                String value = pickOf(List.of("Not A Slug", "UPPER", "trailing-", "sp ace", "ünïcode", "a/b"));
                set(body, f.path(), NODES.textNode(value));
                return new String[] { "bad-slug", "slug = '" + value + "'" };
            });
        }
        String[] done = options.get(random.nextInt(options.size())).get();
        return new FuzzCase(service, done[0], method, path, bearer(actor.token()), JSON, bytes(body), Set.of(400),
                f.reportedAs(), done[1]);
    }

    private FuzzCase unknownFieldCase(String service, String method, String path, ObjectNode body, Actor actor) {
        ObjectNode target = body;
        String prefix = "";
        if (body.get("profile") instanceof ObjectNode profile && random.nextBoolean()) {
            target = profile;
            prefix = "profile.";
        }
        String name = pickOf(UNKNOWN_FIELDS);
        JsonNode value = pickOf(List.of(NODES.numberNode(1), NODES.textNode("x"), NODES.booleanNode(true), NODES.nullNode(),
                NODES.objectNode()));
        target.set(name, value);
        return new FuzzCase(service, "unknown-field", method, path, bearer(actor.token()), JSON, bytes(body), Set.of(400),
                prefix + name, "added " + prefix + name + " = " + value);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Request mutations: a valid body sent wrongly.

    private FuzzCase requestCase(String service, String method, String path, ObjectNode valid, boolean perPerson) {
        Actor actor = perPerson ? anyPerson() : null;
        String auth = bearer(perPerson ? actor.token() : setup.editorToken());
        int choice = random.nextInt(8);
        return switch (choice) {
            case 0 -> {
                String type = pickOf(WRONG_CONTENT_TYPES);
                yield new FuzzCase(service, "wrong-content-type", method, path, auth, type, bytes(valid), Set.of(415), null,
                        "valid body as " + type);
            }
            case 1 -> {
                int limit = setup.bodyLimits().get(service);
                int size = limit + 1 + random.nextInt(limit * 2);
                byte[] padded = padded(bytes(valid), size);
                // With its length declared, or in chunks of no declared length: a server checks the two apart.
                boolean chunked = random.nextBoolean();
                yield new FuzzCase(service, chunked ? HUGE_CHUNKED_BODY : HUGE_BODY, method, path, auth, JSON, padded, Set.of(413),
                        null, "valid body padded with whitespace to " + size + " bytes (limit " + limit + ")"
                                + (chunked ? ", sent in chunks" : ""));
            }
            case 2 -> {
                String text = new String(bytes(valid), StandardCharsets.UTF_8);
                String malformed = random.nextBoolean() ? text.substring(0, 1 + random.nextInt(text.length() - 1))
                        : random.nextBoolean() ? pickOf(List.of(MALFORMED)) : text + pickOf(List.of(" x", "}", ",", " {}", "]"));
                yield new FuzzCase(service, "malformed-json", method, path, auth, JSON, malformed.getBytes(StandardCharsets.UTF_8),
                        Set.of(400), null, "not JSON");
            }
            case 3 -> {
                String notObject = pickOf(List.of(NOT_OBJECTS));
                yield new FuzzCase(service, "not-an-object", method, path, auth, JSON, notObject.getBytes(StandardCharsets.UTF_8),
                        Set.of(400), null, "JSON that is not an object");
            }
            case 4 -> {
                boolean empty = random.nextBoolean();
                String field = path.endsWith("/plan/start") ? "timeZone" : "body";
                yield new FuzzCase(service, "no-body", method, path, auth, JSON, empty ? new byte[0] : "null".getBytes(StandardCharsets.UTF_8),
                        Set.of(400), field, empty ? "empty body" : "body null");
            }
            case 5 -> {
                byte[] body = bytes(valid);
                byte[] broken = new byte[body.length + 2];
                System.arraycopy(body, 0, broken, 0, body.length - 1);
                broken[body.length - 1] = (byte) 0xC3; // a UTF-8 lead byte followed by no continuation byte
                broken[body.length] = (byte) 0x28;
                broken[body.length + 1] = '}';
                yield new FuzzCase(service, "malformed-json", method, path, auth, JSON, broken, Set.of(400), null, "invalid UTF-8");
            }
            default -> {
                Map.Entry<String, String> bad = pickOf(List.copyOf(setup.badTokens().entrySet()));
                if (!perPerson && random.nextBoolean()) {
                    // A good token without the editor role: authenticated, but not allowed.
                    yield new FuzzCase(service, "not-editor", method, path, bearer(anyPerson().token()), JSON, bytes(valid),
                            Set.of(403), null, "a person's token on an editor endpoint");
                }
                yield new FuzzCase(service, "bad-token", method, path, bad.getValue(), JSON, bytes(valid), Set.of(401), null,
                        "token " + bad.getKey());
            }
        };
    }

    private FuzzCase otherPersonsReport() {
        Actor actor = anyPerson();
        ObjectNode body = report();
        String other = random.nextBoolean() ? setup.victimId()
                : pickOf(setup.persons().stream().map(Actor::id).filter(id -> !id.equals(actor.id())).toList());
        body.put("userId", other);
        return new FuzzCase("triage", "other-person", "POST", "/api/v1/symptom-reports", bearer(actor.token()), JSON, bytes(body),
                Set.of(403), null, "userId of another person");
    }

    private FuzzCase recommendationOfBadReport() {
        Actor actor = anyPerson();
        int choice = random.nextInt(4);
        if (choice == 0) {
            return new FuzzCase("triage", "unknown-id", "GET", "/api/v1/symptom-reports/" + uuid() + "/recommendation",
                    bearer(actor.token()), null, null, Set.of(404), null, "a report never sent");
        }
        if (choice == 1) {
            Map.Entry<String, String> bad = pickOf(List.copyOf(setup.badTokens().entrySet()));
            return new FuzzCase("triage", "bad-token", "GET", "/api/v1/symptom-reports/" + uuid() + "/recommendation",
                    bad.getValue(), null, null, Set.of(401), null, "token " + bad.getKey());
        }
        String id = pickOf(BAD_IDS);
        return new FuzzCase("triage", "bad-path-id", "GET", "/api/v1/symptom-reports/" + id + "/recommendation",
                bearer(actor.token()), null, null, Set.of(400, 404), "reportId", "reportId '" + id + "'");
    }

    private FuzzCase badQuery(String service, String path, List<String> params) {
        Actor actor = anyPerson();
        if (random.nextInt(6) == 0) {
            Map.Entry<String, String> bad = pickOf(List.copyOf(setup.badTokens().entrySet()));
            return new FuzzCase(service, "bad-token", "GET", path, bad.getValue(), null, null, Set.of(401), null, "token " + bad.getKey());
        }
        String param = pickOf(params);
        // No empty values: a parameter given empty is read as one not given, which is fair.
        String value = param.equals("limit") ? pickOf(List.of("-1", "0", "101", "abc", "1e2", "99999999999", "1.5", " 5"))
                : pickOf(List.of("-1", "1e99", "abc", "1000001", "0x1", "1.5", "2147483648"));
        return new FuzzCase(service, "bad-pagination", "GET", path + "?" + param + "=" + encode(value), bearer(actor.token()), null,
                null, Set.of(400), param, param + "='" + value + "'");
    }

    private FuzzCase badSessionsQuery() {
        if (random.nextInt(3) > 0) {
            return badQuery("tracking", "/api/v1/me/sessions", List.of("limit", "offset"));
        }
        Actor actor = anyPerson();
        if (random.nextBoolean()) {
            return new FuzzCase("tracking", "bad-date", "GET", "/api/v1/me/sessions?from=2026-03-01&to=2026-02-01",
                    bearer(actor.token()), null, null, Set.of(400), "from", "from after to");
        }
        String param = random.nextBoolean() ? "from" : "to";
        String value = pickOf(List.of("2026-13-01", "2026-02-30", "yesterday", "01.02.2026", "2026-1-1", "2026-11-23T10:00:00Z",
                "+1000000000-01-01", "20261123"));
        return new FuzzCase("tracking", "bad-date", "GET", "/api/v1/me/sessions?" + param + "=" + encode(value), bearer(actor.token()),
                null, null, Set.of(400), param, param + "='" + value + "'");
    }

    private FuzzCase pauseWithoutPlan() {
        if (random.nextBoolean()) {
            Map.Entry<String, String> bad = pickOf(List.copyOf(setup.badTokens().entrySet()));
            return new FuzzCase("tracking", "bad-token", "POST", "/api/v1/me/plan/pause", bad.getValue(), null, null, Set.of(401), null,
                    "token " + bad.getKey());
        }
        return new FuzzCase("tracking", "no-plan", "POST", "/api/v1/me/plan/pause", bearer(setup.reader().token()), null, null,
                Set.of(404), null, "pausing a plan that was never made");
    }

    private FuzzCase readsWithoutPlanOrToken() {
        String path = pickOf(List.of("/api/v1/me/plan", "/api/v1/me/adherence", "/api/v1/me/sessions"));
        Map.Entry<String, String> bad = pickOf(List.copyOf(setup.badTokens().entrySet()));
        if (!path.endsWith("sessions") && random.nextBoolean()) {
            return new FuzzCase("tracking", "no-plan", "GET", path, bearer(setup.reader().token()), null, null, Set.of(404), null,
                    "no plan yet");
        }
        return new FuzzCase("tracking", "bad-token", "GET", path, bad.getValue(), null, null, Set.of(401), null, "token " + bad.getKey());
    }

    private FuzzCase badExerciseSearch() {
        String param = pickOf(List.of("category", "equipment", "acuteSafe", "excludeContraindication", "sort", "limit", "offset",
                "q", "targetMuscle"));
        String value = switch (param) {
            case "category" -> pickOf(List.of("yoga", "STRETCH", "stretch,release", "1", " stretch"));
            case "equipment" -> pickOf(List.of("trampoline", "Foam-Roller", "foam_roller", "0"));
            case "acuteSafe" -> pickOf(List.of("yes", "1", "TRUE", "null", "0"));
            case "excludeContraindication" -> pickOf(List.of("flu", "PREGNANCY", "pregnancy,knee-pain", "2"));
            case "sort" -> pickOf(List.of("up", "-slug", "title,slug", "random()", "--title", "TITLE"));
            case "limit" -> pickOf(List.of("-1", "0", "101", "abc", "1e2", "99999999999", "1.5"));
            case "offset" -> pickOf(List.of("-1", "1e99", "abc", "1000001", "2147483648"));
            case "q" -> "psoas ".repeat(34 + random.nextInt(100));
            default -> random.nextBoolean() ? " " : "m".repeat(61 + random.nextInt(100));
        };
        String query = param + "=" + encode(value);
        if (random.nextBoolean()) {
            // Beside a good filter; never the same parameter twice, where the first one given counts.
            query = (param.equals("category") ? "acuteSafe=true&" : "category=stretch&") + query;
        }
        return new FuzzCase("catalog", "bad-query", "GET", "/api/v1/exercises?" + query, null, null, null, Set.of(400), param,
                param + "='" + (value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value) + "'");
    }

    private FuzzCase unknownItem() {
        String kind = pickOf(List.of("exercises", "muscles", "causes", "symptoms", "protocols", "common-mistakes", "red-flags",
                "conditions", "guidance", "references", "sources"));
        String slug = pickOf(List.of("no-such-item", "fuzz-" + random.nextInt(1_000_000), "..%2F..%2Fetc%2Fpasswd", "%00", "a".repeat(300),
                "UPPER-case", "%E2%98%83"));
        return new FuzzCase("catalog", "unknown-id", "GET", "/api/v1/" + kind + "/" + slug, null, null, null, Set.of(404), null,
                "no " + kind + " '" + slug + "'");
    }

    private FuzzCase deleteNotAllowed() {
        String existing = text(setup.exercise(), "slug");
        int choice = random.nextInt(3);
        if (choice == 0) {
            return new FuzzCase("catalog", "not-editor", "DELETE", "/api/v1/exercises/" + existing, bearer(anyPerson().token()), null,
                    null, Set.of(403), null, "a person deleting an exercise");
        }
        if (choice == 1) {
            Map.Entry<String, String> bad = pickOf(List.copyOf(setup.badTokens().entrySet()));
            return new FuzzCase("catalog", "bad-token", "DELETE", "/api/v1/exercises/" + existing, bad.getValue(), null, null,
                    Set.of(401), null, "token " + bad.getKey());
        }
        String slug = "fuzz-missing-" + random.nextInt(1_000_000);
        return new FuzzCase("catalog", "unknown-id", "DELETE", "/api/v1/exercises/" + slug, bearer(setup.editorToken()), null, null,
                Set.of(404), null, "deleting an exercise that does not exist");
    }

    private FuzzCase notAllowed(String service, String method, String path) {
        Actor actor = anyPerson();
        return new FuzzCase(service, "wrong-method", method, path, bearer(actor.token()), JSON, "{}".getBytes(StandardCharsets.UTF_8),
                Set.of(405), null, method + " is not offered here");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Values.

    /**
     * A value of another JSON type than the field's. Some of these a lenient reader turns into a valid value
     * ("5" into 5, 5.5 into 5, 1 into true, 0 into the first enum word, 12345 into "12345"); they are wrong all
     * the same, and a service must not store what the client did not say.
     */
    private JsonNode wrongType(Type type) {
        List<JsonNode> values = switch (type) {
            case INT -> List.of(NODES.textNode("abc"), NODES.booleanNode(true), NODES.objectNode(), array(), NODES.numberNode(4.5),
                    NODES.textNode("5"));
            case BOOL -> List.of(NODES.textNode("maybe"), NODES.objectNode(), array(), NODES.numberNode(1), NODES.textNode("true"),
                    NODES.numberNode(0));
            case ENUM -> List.of(NODES.numberNode(1), NODES.numberNode(0), NODES.booleanNode(true), NODES.objectNode(), array(),
                    NODES.numberNode(2.5));
            case STRING, ZONE, DATETIME, UUID -> List.of(NODES.objectNode(), array(), NODES.booleanNode(false), NODES.numberNode(12345));
            case ENUM_SET, SLUG_LIST, STRING_LIST, LIST -> List.of(NODES.textNode("just-one"), NODES.objectNode(), NODES.numberNode(5),
                    NODES.booleanNode(true));
            case OBJECT -> List.of(NODES.textNode("object"), array(), NODES.numberNode(7), NODES.booleanNode(true));
        };
        return pickOf(values);
    }

    /**
     * A date-time the field must refuse: unreadable ones for every field, and beyond that what each field's
     * rules forbid (reports within the last year, sessions within 400 days, nothing in the future, a session
     * ending after it started). An old check-in is allowed, so it is not offered for {@code at}.
     */
    private String badDate(String field, ObjectNode body) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        List<String> values = new ArrayList<>(List.of("2026-02-30T10:00:00Z", "yesterday", "2026-11-23", "2026-11-23T10:00:00",
                "2026-11-23T25:00:00Z", "23/11/2026 10:00", "2026-11-23T10:00:00+25:00", "2026-11-23 10:00:00Z", "T10:00Z"));
        switch (field) {
            case "reportedAt", "startedAt" -> values.addAll(List.of("", now.plusDays(2).toString(), now.minusDays(800).toString(),
                    "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1700000000"));
            case "at" -> values.addAll(List.of(now.plusDays(2).toString(), "+999999999-12-31T23:59:59Z"));
            case "endedAt" -> {
                OffsetDateTime started = OffsetDateTime.parse(body.get("startedAt").asText());
                values.addAll(List.of(started.minusMinutes(1).toString(), started.toString(), "0000-01-01T00:00:00Z"));
            }
            default -> throw new IllegalArgumentException(field);
        }
        return pickOf(values);
    }

    /** A word the vocabulary does not have: unrelated, or a near miss in case or separator. */
    private String unknownWord(List<String> words) {
        String word = pickOf(words);
        List<String> candidates = List.of("elbow", "sideways", "yesterday", "knitting", word.toUpperCase(), word.replace('-', '_') + "_x",
                word + "s", "null", word + "-", word.substring(0, word.length() - 1));
        return pickOf(candidates.stream().filter(candidate -> !words.contains(candidate.strip())).toList());
    }

    private JsonNode rawNumber(String literal) {
        try {
            return json.readTree(literal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] padded(byte[] body, int size) {
        byte[] out = new byte[Math.max(size, body.length)];
        int open = 1; // after the opening brace: whitespace anywhere between tokens keeps the JSON valid
        out[0] = body[0];
        int padding = out.length - body.length;
        for (int i = 0; i < padding; i++) {
            out[open + i] = (byte) (i % 64 == 63 ? '\n' : ' ');
        }
        System.arraycopy(body, 1, out, open + padding, body.length - 1);
        return out;
    }

    private ArrayNode array(String... values) {
        ArrayNode array = NODES.arrayNode();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static void remove(ObjectNode body, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = body;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.get(parts[i]);
        }
        if (node instanceof ObjectNode object) {
            object.remove(parts[parts.length - 1]);
        }
    }

    private static String text(ObjectNode node, String field) {
        return node.get(field).asText();
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private Actor anyPerson() {
        return pickOf(setup.persons());
    }

    private Actor editor() {
        return new Actor("editor", setup.editorToken());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T pickOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private record Weighted(int weight, Supplier<FuzzCase> make) {
    }

    private static Weighted weighted(int weight, Supplier<FuzzCase> make) {
        return new Weighted(weight, make);
    }

    private FuzzCase pick(List<Weighted> choices) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        int r = random.nextInt(total);
        for (Iterator<Weighted> it = choices.iterator(); it.hasNext();) {
            Weighted w = it.next();
            r -= w.weight();
            if (r < 0) {
                return w.make().get();
            }
        }
        throw new IllegalStateException();
    }
}
