package dev.arbiter.cluster;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
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

    /** Creates topics, each with the partitions given. */
    void create(Map<String, Integer> partitions) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap());
        try (Admin admin = Admin.create(properties)) {
            List<NewTopic> topics = partitions.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
            admin.createTopics(topics).all().get();
        }
    }

    /** Publishes inputs as the gateway does: keyed by account, as JSON, each acknowledged by every replica. */
    void publish(String topic, List<StreamInput> inputs) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap());
        properties.put("enable.idempotence", "true");
        properties.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
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
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap());
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
