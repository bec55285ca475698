package dev.hipflex.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.hipflex.testsupport.TestTokens;
import dev.hipflex.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Sessions posted all at once are written several to a transaction; each must still be accounted as if it had come
 * alone. Two people with plans post a week's sessions at the same moment (one of them a session twice), a person
 * without a plan posts theirs, and one session id comes with two different bodies. Every session is answered for
 * itself, gets one event, and each person's figures climb one day at a time, whatever order the sessions were taken in.
 */
@QuarkusTest
class ConcurrentSessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DAYS = 6;

    @Test
    void sessionsPostedAtOnceAreEachAnsweredAnnouncedOnceAndCountedInTurn() throws Exception {
        PlanFixture ana = new PlanFixture(DAYS);
        PlanFixture ben = new PlanFixture(DAYS);
        String noPlan = "p-" + UUID.randomUUID();
        String noPlanToken = TestTokens.token(noPlan, "user");

        List<Post> posts = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            posts.add(new Post(ana.token, ana.session(day, LocalTime.of(8, 0))));
            posts.add(new Post(ben.token, ben.session(day, LocalTime.of(19, 30))));
            posts.add(new Post(noPlanToken, ana.session(day, LocalTime.of(12, 0))));
        }
        posts.add(new Post(ana.token, posts.get(0).body()));
        Map<String, Object> first = ana.session(2, LocalTime.of(7, 0));
        Map<String, Object> second = new HashMap<>(first);
        second.put("minutes", 35);
        posts.add(new Post(noPlanToken, first));
        posts.add(new Post(noPlanToken, second));

        try (TopicReader completions = new TopicReader("session-completions");
                TopicReader adherence = new TopicReader("adherence-updates")) {
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (Post post : posts) {
                answers.add(http.sendAsync(post.request(), HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = answers.stream().map(answer -> answer.join().statusCode()).toList();

            assertThat(statuses.stream().filter(status -> status == 409)).hasSize(1);
            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(posts.size() - 1);
            // The first and the repeat answer the same stored session.
            assertThat(answers.get(posts.size() - 3).join().body()).isEqualTo(answers.get(0).join().body());

            Set<String> people = Set.of(ana.person, ben.person, noPlan);
            int sessions = 3 * DAYS + 1;
            List<ConsumerRecord<String, String>> completed = await().atMost(Duration.ofSeconds(30))
                    .until(() -> ours(completions, people), events -> events.size() >= sessions);
            // Give a duplicate every chance to show up before concluding there is none.
            completed = await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> ours(completions, people), events -> true);
            assertThat(completed.stream().map(e -> data(e).path("sessionId").asText()).distinct()).hasSize(sessions);
            assertThat(completed).hasSize(sessions);

            List<ConsumerRecord<String, String>> figures = await().atMost(Duration.ofSeconds(30))
                    .until(() -> ours(adherence, people), events -> events.size() >= 2 * DAYS);
            for (PlanFixture person : List.of(ana, ben)) {
                List<Integer> done = figures.stream().filter(e -> e.key().equals(person.person))
                        .map(e -> data(e).path("done").asInt()).toList();
                assertThat(done).as("done after each of %s's sessions, in turn", person.person)
                        .containsExactly(1, 2, 3, 4, 5, 6);
            }
            assertThat(figures.stream().filter(e -> e.key().equals(noPlan))).isEmpty();
        }
    }

    private record Post(String token, Map<String, Object> body) {

        HttpRequest request() throws Exception {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/me/sessions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        }
    }

    private static List<ConsumerRecord<String, String>> ours(TopicReader reader, Set<String> people) {
        return reader.poll().stream().filter(record -> people.contains(record.key())).toList();
    }

    private static JsonNode data(ConsumerRecord<String, String> event) {
        try {
            return JSON.readTree(event.value()).path("data");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
