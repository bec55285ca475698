package dev.hipflex.common.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.hipflex.common.batch.GroupCommit.Outcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

class GroupCommitTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A writer whose writes complete only when the test says so, remembering each batch. */
    private static final class HeldWriter implements GroupCommit.Writer<Integer, String> {

        final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> releases = new CopyOnWriteArrayList<>();

        @Override
        public Uni<List<Outcome<String>>> write(List<Integer> batch) {
            batches.add(batch);
            CompletableFuture<Void> release = new CompletableFuture<>();
            releases.add(release);
            return Uni.createFrom().completionStage(release)
                    .map(ignored -> batch.stream().map(item -> Outcome.of("written " + item)).toList());
        }
    }

    @Test
    void aLoneItemIsWrittenAtOnceAndItemsArrivingMeanwhileGoTogetherInTheNextWrite() {
        HeldWriter writer = new HeldWriter();
        GroupCommit<Integer, String> commits = new GroupCommit<>(64, 1, writer);

        UniAssertSubscriber<String> first = commits.submit(1).subscribe().withSubscriber(UniAssertSubscriber.create());
        List<UniAssertSubscriber<String>> later = new ArrayList<>();
        for (int item = 2; item <= 5; item++) {
            later.add(commits.submit(item).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        assertThat(writer.batches).containsExactly(List.of(1));
        first.assertNotTerminated();

        writer.releases.get(0).complete(null);
        first.awaitItem(WAIT).assertItem("written 1");
        assertThat(writer.batches).containsExactly(List.of(1), List.of(2, 3, 4, 5));
        later.forEach(UniAssertSubscriber::assertNotTerminated);

        writer.releases.get(1).complete(null);
        for (int i = 0; i < later.size(); i++) {
            later.get(i).awaitItem(WAIT).assertItem("written " + (i + 2));
        }
    }

    @Test
    void aWriteTakesAtMostTheBatchSizeAndAtMostTheGivenWritesRunAtOnce() {
        HeldWriter writer = new HeldWriter();
        GroupCommit<Integer, String> commits = new GroupCommit<>(2, 2, writer);
        List<UniAssertSubscriber<String>> answers = new ArrayList<>();
        for (int item = 1; item <= 7; item++) {
            answers.add(commits.submit(item).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        // Two writes started (1 alone, then 2 while it runs); the rest waits for one of them to end.
        assertThat(writer.batches).containsExactly(List.of(1), List.of(2));

        writer.releases.get(0).complete(null);
        assertThat(writer.batches).containsExactly(List.of(1), List.of(2), List.of(3, 4));
        writer.releases.get(1).complete(null);
        writer.releases.get(2).complete(null);
        assertThat(writer.batches).containsExactly(List.of(1), List.of(2), List.of(3, 4), List.of(5, 6), List.of(7));
        writer.releases.forEach(release -> release.complete(null));
        for (int i = 0; i < answers.size(); i++) {
            answers.get(i).awaitItem(WAIT).assertItem("written " + (i + 1));
        }
    }

    @Test
    void eachItemGetsItsOwnOutcomeAndAFailedWriteIsRetriedItemByItemSoOnlyTheBadItemFails() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> holdFirst = new CompletableFuture<>();
        GroupCommit<Integer, String> commits = new GroupCommit<>(10, 1, batch -> {
            batches.add(batch);
            if (batch.contains(13) && batch.size() > 1) {
                return Uni.createFrom().failure(new IllegalStateException("the transaction failed"));
            }
            if (batch.contains(13)) {
                throw new IllegalArgumentException("13 cannot be written");
            }
            Uni<Void> wait = batch.contains(0) ? Uni.createFrom().completionStage(holdFirst) : Uni.createFrom().voidItem();
            return wait.map(ignored -> batch.stream()
                    .map(item -> item % 2 == 0 ? Outcome.of("even " + item)
                            : Outcome.<String>failed(new IllegalArgumentException("odd " + item)))
                    .toList());
        });

        UniAssertSubscriber<String> zero = commits.submit(0).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> two = commits.submit(2).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> three = commits.submit(3).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> thirteen = commits.submit(13).subscribe().withSubscriber(UniAssertSubscriber.create());
        holdFirst.complete(null);

        zero.awaitItem(WAIT).assertItem("even 0");
        two.awaitItem(WAIT).assertItem("even 2");
        three.awaitFailure(WAIT).assertFailedWith(IllegalArgumentException.class, "odd 3");
        thirteen.awaitFailure(WAIT).assertFailedWith(IllegalArgumentException.class, "13 cannot be written");
        assertThat(batches).containsExactly(List.of(0), List.of(2, 3, 13), List.of(2), List.of(3), List.of(13));
    }
}
