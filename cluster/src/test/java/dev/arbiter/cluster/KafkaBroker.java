package dev.arbiter.cluster;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.MarkPriceEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.engine.stream.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in this JVM, in KRaft mode (one combined broker and controller), from Kafka's own test kit: no
 * container engine. A single broker holds one replica of everything, transactions' state included.
 */
final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    KafkaBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    String bootstrap() {
        return cluster.bootstrapServers();
    }

    /**
     * Creates the job's topics: inputs and decisions with the partitions given, the desk and the market with one each
     * (every worker reads them whole, in order).
     */
    void create(Topics topics, int partitions) throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topics.inputs(), partitions, (short) 1),
                    new NewTopic(topics.decisions(), partitions, (short) 1), new NewTopic(topics.desk(), 1, (short) 1),
                    new NewTopic(topics.market(), 1, (short) 1))).all().get();
        }
    }

    /** Where a consumer group's committed offsets stand, summed over the topic's partitions (0 before any commit). */
    long committed(String groupId, String topic) throws Exception {
        try (Admin admin = Admin.create(clientProperties())) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /** Publishes market data as the gateway does: keyed by instrument, as JSON. */
    void publishMarket(String topic, List<MarketEvent> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new StringSerializer())) {
            for (MarketEvent event : events) {
                String symbol = switch (event) {
                    case BarEvent b -> b.bar().symbol();
                    case MarkPriceEvent m -> m.mark().symbol();
                };
                producer.send(new ProducerRecord<>(topic, symbol,
                        ArbiterJson.mapper().writerFor(MarketEvent.class).writeValueAsString(event)));
            }
            producer.flush();
        }
    }

    private Properties clientProperties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap());
        return properties;
    }

    private Properties producerProperties() {
        Properties properties = clientProperties();
        properties.put("enable.idempotence", "true");
        properties.put("acks", "all");
        return properties;
    }

    /** Publishes inputs as the gateway does: keyed by account, as JSON, each acknowledged by every replica. */
    void publish(String topic, List<StreamInput> inputs) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new StringSerializer())) {
            for (StreamInput input : inputs) {
                producer.send(new ProducerRecord<>(topic, input.accountId(),
                        ArbiterJson.mapper().writerFor(StreamInput.class).writeValueAsString(input)));
            }
            producer.flush();
        }
    }

    /** Everything committed to the topic, once {@code expected} records are there and a further poll adds none. */
    List<AccountRecord> readCommitted(String topic, long expected, Duration patience) {
        Properties properties = clientProperties();
        properties.put("group.id", "reader-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        properties.put("isolation.level", "read_committed");
        List<AccountRecord> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + patience.toNanos();
            int quietPolls = 0;
            while (System.nanoTime() < deadline && (read.size() < expected || quietPolls < 3)) {
                int before = read.size();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(ArbiterJson.mapper().readValue(record.value(), AccountRecord.class));
                }
                quietPolls = read.size() >= expected && read.size() == before ? quietPolls + 1 : 0;
            }
        }
        return read;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
