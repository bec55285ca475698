// A short scripted journey against the local stack, run by `deploy/hipflex journey`: a desk worker sends
// a symptom report, reads the recommendation, sees the plan in tracking, logs ten days of sessions with their
// feedback and morning ratings (the adapting plan steps forward after tolerated sessions and back after a painful
// one, which also escalates) and reads their adherence. Prints what happened in plain words.
//   java -cp 'triage-service/target/quarkus-app/lib/main/*' deploy/journey/Journey.java <catalog> <triage> <tracking> <person> <token>
// <person> is the account's name in Keycloak; the platform knows the person by the token's subject.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

public class Journey {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String token;

    public static void main(String[] args) throws Exception {
        String catalog = args[0], triage = args[1], tracking = args[2], person = args[3];
        token = args[4];
        String subject = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sub").asText();
        ZoneId zone = ZoneId.of("Europe/Berlin");

        say("1. %s (on the platform: %s) opens the exercise library", person, subject);
        JsonNode stretches = get(catalog + "/api/v1/exercises?category=stretch&limit=3").body;
        stretches.path("items").forEach(e -> say("   - %s (%s)", e.path("title").asText(), e.path("slug").asText()));
        say("   ... %d stretches in the catalog", stretches.path("total").asInt());

        String reportId = UUID.randomUUID().toString();
        ObjectNode report = (ObjectNode) JSON.readTree("""
                {"painLocations": ["front-of-hip", "low-back"], "side": "right", "qualities": ["dull-ache", "tightness"],
                 "intensity": 5, "onset": "gradual", "daysSinceOnset": 45, "aggravatingActivities": ["sitting", "standing-up"],
                 "signs": [], "history": [], "warningSigns": [], "age": 41,
                 "screening": {"caudaEquinaSigns": [], "groinLump": "none", "groinLumpSigns": [], "painIntoTesticle": "none",
                   "bellyPain": false, "painOnStraighteningTheHip": false, "urinarySymptoms": false, "medicalHistory": [],
                   "pregnancy": "not-pregnant", "gaveBirthInLast3Months": false, "painOnlyWhenLyingOnIt": false,
                   "constantPainDayAndNight": false, "fallSinceThePainBegan": false, "achingHipsWithMorningStiffness": false},
                 "profile": {"runner": false, "deskWorker": true, "hoursSittingPerDay": 9, "wearsRaisedHeels": false,
                             "wantsDeepPsoasRelease": false}}""");
        report.put("reportId", reportId).put("userId", subject).put("timeZone", zone.getId())
                .put("reportedAt", OffsetDateTime.now(zone).minusMinutes(1).toString());
        say("%n2. They report a dull, tight ache at the front of the right hip, 5/10, worse after sitting 9 hours a day");
        Reply sent = send("POST", triage + "/api/v1/symptom-reports", report);
        say("   triage answers %d, the recommendation will be at %s", sent.status, sent.location);

        String where = URI.create(triage).resolve(sent.location).toString();
        Reply recommendation = get(where);
        for (int i = 0; i < 120 && recommendation.status != 200; i++) {
            Thread.sleep(250);
            recommendation = get(where);
        }
        JsonNode r = recommendation.body;
        say("%n3. The recommendation: %s", r.path("level").asText());
        r.path("reasons").forEach(reason -> say("   because (%s): %s", reason.path("rule").asText(), reason.path("text").asText()));
        List<String> muscles = new ArrayList<>();
        r.path("likelyMuscles").forEach(m -> muscles.add(m.path("muscle").asText()));
        say("   likely muscles: %s", String.join(", ", muscles));
        r.path("plan").path("phases").forEach(phase -> {
            say("   %s (%d min):", phase.path("phase").asText(), phase.path("minutes").asInt());
            phase.path("items").forEach(item -> say("     - %s: %s", item.path("exercise").asText(), dose(item.path("dose"))));
        });
        if (r.path("extras").hasNonNull("movementBreaks")) {
            say("   and movement breaks while sitting (%s)", r.path("extras").path("movementBreaks").path("protocol").asText());
        }
        say("   rule set %s, catalog %s", r.path("ruleSetVersion").asText(), r.path("catalogVersion").asText());

        // 404 until tracking has read the recommendation event and made the plan.
        Reply plan = peek(tracking + "/api/v1/me/plan");
        for (int i = 0; i < 120 && !(plan.status == 200 && reportId.equals(plan.body.path("recommendation").asText())); i++) {
            Thread.sleep(250);
            plan = peek(tracking + "/api/v1/me/plan");
        }
        say("%n4. Tracking made their plan from it: %s, protocol %s", plan.body.path("status").asText(),
                plan.body.path("protocol").asText());
        LocalDate start = LocalDate.now(zone).minusDays(10);
        ObjectNode startRequest = JSON.createObjectNode().put("timeZone", zone.getId()).put("startDate", start.toString());
        send("POST", tracking + "/api/v1/me/plan/start", startRequest);
        say("   they began the routine 10 days ago, on %s, rated their pain on waking every morning (2/10, from 3 days "
                + "before), and log those days now", start);
        for (int day = -3; day < 10; day++) {
            ObjectNode checkIn = JSON.createObjectNode().put("checkInId", UUID.randomUUID().toString())
                    .put("at", ZonedDateTime.of(start.plusDays(day), LocalTime.of(7, 0), zone).toOffsetDateTime().toString())
                    .put("timeZone", zone.getId()).put("pain", 2).put("waking", true);
            send("POST", tracking + "/api/v1/me/check-ins", checkIn);
        }
        List<String> exercises = new ArrayList<>();
        plan.body.path("exercises").forEach(e -> exercises.add(e.asText()));

        for (int day = 0; day < 10; day++) {
            int pain = 5 - day / 3;
            // The last session hurts: 7/10 during it, and it was pain, not a strong stretch feeling.
            boolean painful = day == 9;
            ObjectNode session = JSON.createObjectNode().put("sessionId", UUID.randomUUID().toString())
                    .put("startedAt", sessionTime(start.plusDays(day), zone).toOffsetDateTime().toString())
                    .put("timeZone", zone.getId()).put("minutes", 20).put("sides", "both")
                    .put("painBefore", pain).put("painAfter", Math.max(0, pain - 1))
                    .put("painDuring", painful ? 7 : 2).put("effort", painful ? "too-hard" : "about-right");
            session.putArray("phases").add("release").add("stretch").add("strengthen");
            exercises.forEach(session.putArray("exercises")::add);
            if (painful) {
                session.put("painKind", "pain");
                JsonNode today = get(tracking + "/api/v1/me/plan/today").body;
                say("%n5. After %d sessions with pain during them at 2/10, \"about right\", and calm mornings, the plan "
                        + "stepped forward:", day);
                today.path("history").forEach(change -> say("   %s (%s): %s", change.path("day").asText(),
                        change.path("rule").asText(), change.path("sentence").asText()));
                if (today.path("history").isEmpty()) {
                    say("   (no change: the plan held)");
                }
            }
            Reply done = send("POST", tracking + "/api/v1/me/sessions", session);
            say("   day %d (%s): session recorded (%d), pain %d before, %d during, %d after", day + 1, start.plusDays(day),
                    done.status, pain, painful ? 7 : 2, Math.max(0, pain - 1));
        }
        JsonNode today = get(tracking + "/api/v1/me/plan/today").body;
        say("%n6. The last session hurt (7/10 during it), so the plan stepped back the same day:");
        today.path("changes").forEach(change -> say("   %s (%s): %s", change.path("day").asText(),
                change.path("rule").asText(), change.path("sentence").asText()));
        today.path("exercises").forEach(e -> say("   today: %s %s", e.path("exercise").asText(), doses(e.path("dose"))));
        JsonNode outcomes = get(tracking + "/api/v1/me/outcomes").body;
        outcomes.path("escalations").forEach(e -> say("   and tracking escalates (%s, %s): %s", e.path("rule").asText(),
                e.path("urgency").asText(), e.path("reason").asText()));

        JsonNode adherence = get(tracking + "/api/v1/me/adherence").body;
        JsonNode week = adherence.path("weeks").path(0);
        say("%n7. Adherence: week 1 %d of %d sessions, overall %s %%, streak %d days",
                week.path("done").asInt(), week.path("expected").asInt(), adherence.path("overallPercent").asText(),
                adherence.path("currentStreak").asInt());
        JsonNode stage = adherence.path("currentStage");
        say("   stage %s: %s", stage.path("slug").asText(), stage.path("title").asText());
        stage.path("whatToExpect").forEach(line -> say("     - %s", line.asText()));
        say("%nThe events of this journey are on Kafka: symptom-reports, recommendations, session-completions, adherence-updates, plan-adjustments, recovery-alerts (key %s).", subject);
    }

    /** 18:00 on that day, or half an hour ago when 18:00 has not come yet today. */
    static ZonedDateTime sessionTime(LocalDate day, ZoneId zone) {
        ZonedDateTime evening = ZonedDateTime.of(day, LocalTime.of(18, 0), zone);
        ZonedDateTime recently = ZonedDateTime.now(zone).minusMinutes(30).withNano(0);
        return evening.isAfter(recently) ? recently : evening;
    }

    /** Today's doses of the adapting plan: each variable's value. */
    static String doses(JsonNode dose) {
        List<String> parts = new ArrayList<>();
        dose.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + f.getValue().path("value").asInt()));
        return String.join(", ", parts);
    }

    static String dose(JsonNode dose) {
        List<String> parts = new ArrayList<>();
        if (dose.hasNonNull("sets")) parts.add(range(dose.path("sets")) + " sets");
        if (dose.hasNonNull("reps")) parts.add(range(dose.path("reps")) + " reps");
        if (dose.hasNonNull("holdSeconds")) parts.add("hold " + range(dose.path("holdSeconds")) + " s");
        if (dose.hasNonNull("minutes")) parts.add(range(dose.path("minutes")) + " min");
        if (dose.path("perSide").asBoolean()) parts.add("each side");
        return String.join(", ", parts);
    }

    static String range(JsonNode range) {
        int min = range.path("min").asInt(), max = range.path("max").asInt();
        return min == max ? Integer.toString(min) : min + "-" + max;
    }

    record Reply(int status, JsonNode body, String location) {
    }

    static Reply get(String url) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(url)).GET(), true);
    }

    /** A GET whose 4xx is an answer, not a failure. */
    static Reply peek(String url) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(url)).GET(), false);
    }

    static Reply send(String method, String url, JsonNode body) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), true);
    }

    static Reply call(HttpRequest.Builder request, boolean failOn4xx) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 500 || failOn4xx && response.statusCode() >= 400) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Reply(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
