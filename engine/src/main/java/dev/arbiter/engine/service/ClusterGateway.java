package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.engine.stream.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The service's link to the decision job: one idempotent producer that publishes account inputs (keyed by account, so
 * each account's inputs stay in order) and the desk's actions, and one reader of the decisions topic that sees only
 * committed answers and hands each to the request waiting for it, by account and subject (the decision id, the
 * event's key).
 *
 * <p>The reader is assigned every partition of the decisions topic and starts at its end, as the service starts: it
 * waits for answers to what this service publishes, never reads old ones. Answers nobody waits for (another gateway's,
 * or one that came after its waiter expired) are passed over. A request waits {@link ClusterSettings#answerTimeout};
 * its answer is still taken for {@link ClusterSettings#lateAnswerWindow} after that, so a late decision can be stored.
 */
final class ClusterGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterGateway.class);
    /** The desk topic's key: one partition keeps the officers' actions in the order they were taken. */
    static final String DESK_KEY = "desk";
    private static final Duration POLL = Duration.ofMillis(100);

    /** What an answer is awaited for: the account and the subject its record names. */
    private record Awaited(String accountId, String subject) {
    }

    /** One published input: when the broker took it, and its answer. */
    record Pending(String accountId, String subject, CompletableFuture<Void> sent,
                   CompletableFuture<AccountRecord> answer) {
    }

    private record Waiter(CompletableFuture<AccountRecord> answer, long expiresAtNanos) {
    }

    /** The answer of an input was not taken in time, or its input never reached the broker. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(String message) {
            super(message, null, false, false);
        }
    }

    private final ClusterSettings settings;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    /** Each subject's waiters, oldest first: an account's answers come in the order its inputs were taken. */
    private final ConcurrentHashMap<Awaited, ArrayDeque<Waiter>> waiters = new ConcurrentHashMap<>();
    private final Thread reader;
    /** Each account's chain of answers as read (the reader's thread only). */
    private final AccountRecord.Follower chains = new AccountRecord.Follower();
    private volatile boolean running = true;

    private ClusterGateway(ClusterSettings settings, KafkaProducer<String, String> producer,
                           KafkaConsumer<String, String> consumer) {
        this.settings = settings;
        this.producer = producer;
        this.consumer = consumer;
        this.reader = Thread.ofPlatform().name("arbiter-cluster-answers").daemon(true).unstarted(this::read);
    }

    /**
     * Connects to the job's topics and starts reading answers from the decisions topic's end.
     *
     * @throws IllegalStateException in our words when a topic is missing or the brokers do not answer
     */
    static ClusterGateway start(ClusterSettings settings) {
        Topics topics = settings.topics();
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(settings), new StringSerializer(),
                new StringSerializer());
        KafkaConsumer<String, String> consumer;
        try {
            consumer = new KafkaConsumer<>(consumerProperties(settings), new StringDeserializer(), new StringDeserializer());
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        try {
            partitions(consumer, settings, topics.inputs());
            partitions(consumer, settings, topics.desk());
            partitions(consumer, settings, topics.market());
            List<TopicPartition> answers = partitions(consumer, settings, topics.decisions());
            consumer.assign(answers);
            consumer.seekToEnd(answers);
            // resolved now, before any request is published: an answer must never fall before where reading starts
            answers.forEach(consumer::position);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            producer.close(Duration.ZERO);
            throw e;
        }
        ClusterGateway gateway = new ClusterGateway(settings, producer, consumer);
        gateway.reader.start();
        LOG.info("gateway mode: publishing to {} and {}, answers from {} at {} (answer timeout {})", topics.inputs(),
                topics.desk(), topics.decisions(), topics.bootstrap(), settings.answerTimeout());
        return gateway;
    }

    ClusterSettings settings() {
        return settings;
    }

    /**
     * Publishes an account's input; its answer is the decisions topic's next record of the account naming
     * {@code subject}. The waiter is registered before the input leaves, so no answer can pass it by.
     */
    Pending publish(StreamInput input, String subject) {
        Awaited awaited = new Awaited(input.accountId(), subject);
        Waiter waiter = new Waiter(new CompletableFuture<>(),
                System.nanoTime() + settings.answerTimeout().plus(settings.lateAnswerWindow()).toNanos());
        waiters.compute(awaited, (key, queue) -> {
            ArrayDeque<Waiter> waiting = queue == null ? new ArrayDeque<>() : queue;
            waiting.add(waiter);
            return waiting;
        });
        CompletableFuture<Void> sent = new CompletableFuture<>();
        String json = ArbiterJson.mapper().writerFor(StreamInput.class).writeValueAsString(input);
        try {
            producer.send(new ProducerRecord<>(settings.topics().inputs(), input.accountId(), json), (metadata, failure) -> {
                if (failure == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(failure);
                }
            });
        } catch (KafkaException e) {
            sent.completeExceptionally(e);
        }
        return new Pending(input.accountId(), subject, sent, waiter.answer());
    }

    /**
     * Publishes an officer's desk-wide action to the desk topic, which every worker of the job reads; returns once the
     * brokers have it.
     *
     * @throws NoAnswer when they did not take it within the answer timeout
     */
    void publishDesk(DeskEvent event) {
        String json = ArbiterJson.mapper().writeValueAsString(event);
        try {
            producer.send(new ProducerRecord<>(settings.topics().desk(), DESK_KEY, json))
                    .get(settings.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while handing the action to the decision job");
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn("the desk action {} {} could not be published to {}", event.action(), event.target(),
                    settings.topics().desk(), e);
            throw new NoAnswer("Kafka at " + settings.topics().bootstrap() + " did not take the action within "
                    + settings.answerTimeout());
        }
    }

    /**
     * Publishes a bar or a mark to the market topic, which every worker of the job reads, keyed by its instrument;
     * returns the record's offset once the brokers have it.
     *
     * @throws NoAnswer when they did not take it within the answer timeout
     */
    long publishMarket(String symbol, MarketEvent event) {
        String json = ArbiterJson.mapper().writerFor(MarketEvent.class).writeValueAsString(event);
        try {
            return producer.send(new ProducerRecord<>(settings.topics().market(), symbol, json))
                    .get(settings.answerTimeout().toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while handing market data to the decision job");
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.warn("market data of {} could not be published to {}", symbol, settings.topics().market(), e);
            throw new NoAnswer("Kafka at " + settings.topics().bootstrap() + " did not take the market data within "
                    + settings.answerTimeout());
        }
    }

    /**
     * The answer to a published input, waiting at most the answer timeout from now.
     *
     * @throws NoAnswer when the input did not reach the brokers, or no answer came in time (it may still come: the
     *                  pending answer stays awaited for the late-answer window)
     */
    AccountRecord await(Pending pending) {
        long deadline = System.nanoTime() + settings.answerTimeout().toNanos();
        try {
            pending.sent().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            LOG.warn("an input for account {} could not be published to {}", pending.accountId(),
                    settings.topics().inputs(), e.getCause());
            throw new NoAnswer("Kafka at " + settings.topics().bootstrap() + " did not take it");
        } catch (TimeoutException e) {
            throw new NoAnswer("Kafka at " + settings.topics().bootstrap() + " did not take it within "
                    + settings.answerTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while handing it over");
        }
        try {
            return pending.answer().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new NoAnswer("no answer within " + settings.answerTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoAnswer noAnswer) {
                throw noAnswer;
            }
            throw new IllegalStateException("the answer to " + pending.subject() + " could not be taken", e.getCause());
        }
    }

    /** A REFUSED record's payload: the field, the value and what is accepted, as the job's engine named them. */
    record Refusal(String field, String value, String accepted) {

        /**
         * The refusal of an answer.
         *
         * @throws IllegalStateException when the job's engine failed on the input rather than refused it: a fault,
         *                               which the service answers as it answers its own (fail closed, 500)
         */
        static Refusal of(AccountRecord record) {
            JsonNode payload = CanonicalJson.mapper().readTree(record.payload());
            Refusal refusal = new Refusal(payload.path("field").asString(""), payload.path("value").asString(""),
                    payload.path("accepted").asString(""));
            if (AccountRecord.FAILED_INSIDE.equals(refusal.field())) {
                throw new IllegalStateException("the decision job failed on " + record.subject() + " of account "
                        + record.accountId() + " (" + refusal.value() + "): nothing of it was applied");
            }
            return refusal;
        }
    }

    /** Waiters for answers now, late ones included. */
    int waiting() {
        return waiters.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    private void read() {
        while (running) {
            try {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    take(record.value());
                }
                expire();
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                LOG.error("reading answers from {} failed; trying again in a second", settings.topics().decisions(), e);
                pause();
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private void take(String json) {
        AccountRecord record;
        try {
            record = ArbiterJson.mapper().readValue(json, AccountRecord.class);
        } catch (RuntimeException e) {
            LOG.warn("passed over a record of {} that is not an answer ({} characters)", settings.topics().decisions(),
                    json == null ? 0 : json.length());
            return;
        }
        boolean continues = chains.follows(record);
        if (!continues) {
            LOG.error("the answer {} #{} for account {} does not follow the account's answer read before it: its chain"
                    + " is broken (a job started without its state, or a record dropped, repeated or reordered)",
                    record.subject(), record.seq(), record.accountId());
        }
        Waiter waiter = next(new Awaited(record.accountId(), record.subject()));
        if (waiter == null) {
            return; // another gateway's, or one whose waiter expired
        }
        if (!continues) {
            waiter.answer().completeExceptionally(new IllegalStateException("the job's answer " + record.subject()
                    + " for account " + record.accountId() + " does not follow the account's answers before it"));
            return;
        }
        if (!record.follows(new AccountRecord.Head(record.seq() - 1, record.prevHash()))) {
            LOG.error("the answer {} #{} for account {} does not match its own hashes: not taken", record.subject(),
                    record.seq(), record.accountId());
            waiter.answer().completeExceptionally(new IllegalStateException("the job's answer " + record.subject()
                    + " for account " + record.accountId() + " does not match its own hashes"));
            return;
        }
        waiter.answer().complete(record);
    }

    private Waiter next(Awaited awaited) {
        Waiter[] taken = new Waiter[1];
        waiters.computeIfPresent(awaited, (key, queue) -> {
            taken[0] = queue.poll();
            return queue.isEmpty() ? null : queue;
        });
        return taken[0];
    }

    /** Gives up on answers older than the late-answer window. */
    private void expire() {
        long now = System.nanoTime();
        List<Waiter> expired = new ArrayList<>();
        for (Awaited awaited : waiters.keySet()) {
            waiters.computeIfPresent(awaited, (key, queue) -> {
                queue.removeIf(w -> {
                    boolean gone = now - w.expiresAtNanos() > 0;
                    if (gone) {
                        expired.add(w);
                    }
                    return gone;
                });
                return queue.isEmpty() ? null : queue;
            });
        }
        expired.forEach(w -> w.answer().completeExceptionally(new NoAnswer("no answer from the decision job within "
                + settings.answerTimeout().plus(settings.lateAnswerWindow()))));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, ClusterSettings settings,
                                                   String topic) {
        List<PartitionInfo> found;
        try {
            found = consumer.partitionsFor(topic, settings.answerTimeout());
        } catch (KafkaException e) {
            throw new IllegalStateException("arbiter.cluster.bootstrap: the brokers at '" + settings.topics().bootstrap()
                    + "' did not list topic '" + topic + "' within " + settings.answerTimeout() + "; expected reachable"
                    + " Kafka brokers with the job's topics", e);
        }
        if (found == null || found.isEmpty()) {
            throw new IllegalStateException("arbiter.cluster.topics: topic '" + topic + "' does not exist at '"
                    + settings.topics().bootstrap() + "'; expected the topics the decision job reads and writes"
                    + " (create them before starting the gateway)");
        }
        return found.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static Properties producerProperties(ClusterSettings settings) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.topics().bootstrap());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "arbiter-gateway");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // a request is on its way at once, not batched with others for a few milliseconds
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(settings.answerTimeout().toMillis()));
        return properties;
    }

    private static Properties consumerProperties(ClusterSettings settings) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.topics().bootstrap());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "arbiter-gateway-answers");
        // answers become visible when the job's checkpoint commits them, never before
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        return properties;
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops reading and publishing; requests still waiting are told the service is stopping. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        List<Waiter> left = new ArrayList<>();
        for (Awaited awaited : waiters.keySet()) {
            waiters.computeIfPresent(awaited, (key, queue) -> {
                left.addAll(queue);
                return null;
            });
        }
        left.forEach(w -> w.answer().completeExceptionally(new NoAnswer("the service is stopping")));
    }
}
