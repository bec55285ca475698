package dev.hipflex.common.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Writes items several to a transaction. An item submitted while nothing is being written goes at once; items
 * submitted while writes are running wait and go together in the next one (at most {@code maxBatch} items a write, at
 * most {@code maxWrites} writes at once). A transaction's fixed costs are shared by its items, which is what keeps
 * the database's work per item small under load, while a lone item never waits for company.
 * <p>
 * The {@link Writer} answers one {@link Outcome} per item, in the items' order, and each submitter gets its own once
 * the write has completed (for a transaction: committed), on the Vert.x context it submitted from. If a whole write
 * fails, its items are written again one by one, so one bad item cannot fail the others.
 *
 * @param <T> what is submitted
 * @param <R> what each submitter is answered
 */
public final class GroupCommit<T, R> {

    /** Writes a batch in one transaction and answers each item's outcome, in the batch's order. */
    @FunctionalInterface
    public interface Writer<T, R> {
        Uni<List<Outcome<R>>> write(List<T> batch);
    }

    /** One item's answer: its value, or the failure that item alone gets (a conflict, say). */
    public record Outcome<R>(R value, Throwable failure) {

        public static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        public static <R> Outcome<R> failed(Throwable failure) {
            return new Outcome<>(null, failure);
        }
    }

    /** A submitted item and where its answer goes. */
    private record Waiting<T, R>(T item, Context context, UniEmitter<? super R> answer) {

        void answer(Outcome<R> outcome) {
            Runnable reply = outcome.failure() == null ? () -> answer.complete(outcome.value())
                    : () -> answer.fail(outcome.failure());
            if (context == null) {
                reply.run();
            } else {
                context.runOnContext(ignored -> reply.run());
            }
        }
    }

    private final int maxBatch;
    private final int maxWrites;
    private final Writer<T, R> writer;
    private final Queue<Waiting<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writing = new AtomicInteger();

    public GroupCommit(int maxBatch, int maxWrites, Writer<T, R> writer) {
        if (maxBatch < 1 || maxWrites < 1) {
            throw new IllegalArgumentException("maxBatch and maxWrites must be at least 1: " + maxBatch + ", " + maxWrites);
        }
        this.maxBatch = maxBatch;
        this.maxWrites = maxWrites;
        this.writer = writer;
    }

    /** Answers the item's outcome once the write that took it has completed. */
    public Uni<R> submit(T item) {
        return Uni.createFrom().emitter(answer -> {
            waiting.add(new Waiting<>(item, Vertx.currentContext(), answer));
            drain();
        });
    }

    /** Starts writes for the waiting items while fewer than the maximum are running. */
    private void drain() {
        while (!waiting.isEmpty()) {
            int running = writing.get();
            if (running >= maxWrites) {
                // A running write drains again when it ends.
                return;
            }
            if (!writing.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Waiting<T, R>> batch = new ArrayList<>();
            for (Waiting<T, R> next; batch.size() < maxBatch && (next = waiting.poll()) != null;) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                writing.decrementAndGet();
                continue;
            }
            writeOrSplit(batch).subscribe().with(ignored -> ended(), failure -> ended());
        }
    }

    private void ended() {
        writing.decrementAndGet();
        drain();
    }

    /** Writes the batch and answers its items; if the write fails as a whole, each item is written alone. */
    private Uni<Void> writeOrSplit(List<Waiting<T, R>> batch) {
        // Deferred: a writer that throws while preparing the batch is recovered like a failed transaction.
        return Uni.createFrom().deferred(() -> writer.write(batch.stream().map(Waiting::item).toList()))
                .invoke(outcomes -> answer(batch, outcomes))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    if (batch.size() == 1) {
                        batch.get(0).answer(Outcome.failed(failure));
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> oneByOne = Uni.createFrom().voidItem();
                    for (Waiting<T, R> alone : batch) {
                        oneByOne = oneByOne.chain(() -> writeOrSplit(List.of(alone)));
                    }
                    return oneByOne;
                });
    }

    private static <T, R> void answer(List<Waiting<T, R>> batch, List<Outcome<R>> outcomes) {
        if (outcomes.size() != batch.size()) {
            throw new IllegalStateException("The writer answered " + outcomes.size() + " outcomes for " + batch.size()
                    + " items");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer(outcomes.get(i));
        }
    }
}
