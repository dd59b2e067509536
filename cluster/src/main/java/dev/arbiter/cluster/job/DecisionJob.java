package dev.arbiter.cluster.job;

import dev.arbiter.cluster.state.JsonTypeInfo;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.MarketEvent;
import dev.arbiter.engine.stream.AccountRecord;
import dev.arbiter.engine.stream.StreamInput;
import dev.arbiter.engine.stream.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's topology: account inputs keyed by account id, the desk's actions broadcast beside them, one decision
 * stage ({@link DecisionFunction}), the answers out. {@link #decisions} is the stage on any streams (a bounded replay
 * gives it a finite one); {@link #onKafka} wires it between the topics, exactly once.
 */
public final class DecisionJob {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionJob.class);

    /** The stream types, declared: nothing in the job is left to Flink's reflection or to Kryo. */
    public static final TypeInformation<StreamInput> INPUT = new JsonTypeInfo<>(StreamInput.class);
    public static final TypeInformation<DeskEvent> DESK_ACTION = new JsonTypeInfo<>(DeskEvent.class);
    public static final TypeInformation<AccountRecord> RECORD = new JsonTypeInfo<>(AccountRecord.class);
    public static final TypeInformation<MarketEvent> MARKET_DATA = new JsonTypeInfo<>(MarketEvent.class);
    public static final TypeInformation<Broadcast> BROADCAST = new JsonTypeInfo<>(Broadcast.class);

    private DecisionJob() {
    }

    /**
     * The job's Flink settings: no type may fall back to Kryo (every stream and state type is declared), and the
     * parallelism given (0 leaves it to the cluster the job is submitted to).
     */
    public static Configuration configuration(int parallelism) {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        if (parallelism > 0) {
            configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        return configuration;
    }

    /**
     * A bounded job: recorded inputs (a scenario's, a journal's) decided account by account by the same stage, to its
     * end. The desk's actions apply to each account's inputs that come after they reach its worker.
     */
    public static DataStream<AccountRecord> replay(StreamExecutionEnvironment env, List<StreamInput> inputs,
                                                   List<DeskEvent> desk, JobSettings settings) {
        SingleOutputStreamOperator<DeskEvent> actions = desk.isEmpty()
                // Flink's collection source refuses an empty collection: a stream that ends without an action
                ? env.fromData(Types.BOOLEAN, false).filter(b -> b).map(b -> (DeskEvent) null, DESK_ACTION)
                : env.fromData(desk, DESK_ACTION);
        return decisions(env.fromData(inputs, INPUT).name("recorded inputs"), actions.name("recorded desk actions"),
                settings);
    }

    /** Decides {@code inputs}, account by account, with the desk's actions from {@code desk}. */
    public static DataStream<AccountRecord> decisions(DataStream<StreamInput> inputs, DataStream<DeskEvent> desk,
                                                      JobSettings settings) {
        return decide(inputs, deskBroadcasts(desk), settings);
    }

    /**
     * Decides {@code inputs}, account by account, with the desk's actions from {@code desk} and the market data for
     * every account from {@code market}: each account takes a bar or a mark before its first input after it.
     */
    public static DataStream<AccountRecord> decisions(DataStream<StreamInput> inputs, DataStream<DeskEvent> desk,
                                                      DataStream<MarketEvent> market, JobSettings settings) {
        return decide(inputs, deskBroadcasts(desk).union(market.map(Broadcast.Market::new, BROADCAST)
                .setParallelism(1).uid("market-broadcast").name("market data")), settings);
    }

    /**
     * The desk's actions as broadcasts. Like the market's, they stay on one task from their source to the broadcast
     * (parallelism 1): a wider step between would hand them round-robin to several tasks and reorder them.
     */
    private static DataStream<Broadcast> deskBroadcasts(DataStream<DeskEvent> desk) {
        return desk.map(Broadcast.Desk::new, BROADCAST).setParallelism(1).uid("desk-broadcast").name("desk actions");
    }

    private static DataStream<AccountRecord> decide(DataStream<StreamInput> inputs, DataStream<Broadcast> broadcasts,
                                                    JobSettings settings) {
        return inputs.keyBy(StreamInput::accountId, Types.STRING)
                .connect(broadcasts.broadcast(DecisionFunction.DESK, DecisionFunction.MARKET))
                .process(new DecisionFunction(settings), RECORD)
                .uid("decide").name("decide");
    }

    /**
     * Reads {@link Topics#inputs} and {@link Topics#desk}, decides, and writes {@link Topics#decisions} in Kafka
     * transactions committed with each checkpoint: a reader with {@code isolation.level=read_committed} sees each
     * answer once, also across failovers. Offsets are part of the checkpoint; a job started afresh resumes from its
     * group's committed offsets.
     */
    public static void onKafka(StreamExecutionEnvironment env, Topics topics, JobSettings settings, String groupId) {
        answersTo(topics, decisions(inputs(env, topics, groupId), desk(env, topics, groupId),
                market(env, topics, groupId), settings));
    }

    /** The account inputs, read committed, from the group's committed offsets (the earliest for a new group). */
    public static DataStream<StreamInput> inputs(StreamExecutionEnvironment env, Topics topics, String groupId) {
        KafkaSource<StreamInput> source = KafkaSource.<StreamInput>builder()
                .setBootstrapServers(topics.bootstrap())
                .setTopics(topics.inputs())
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setValueOnlyDeserializer(new JsonInput<>(StreamInput.class, INPUT))
                .setProperty("isolation.level", "read_committed")
                .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "inputs").uid("inputs");
    }

    /**
     * The desk's actions, every one from the topic's start: each worker's broadcast state must hold them all, and a
     * worker that starts afresh replays them (they are few: officers' halts and kill switches).
     */
    public static DataStream<DeskEvent> desk(StreamExecutionEnvironment env, Topics topics, String groupId) {
        KafkaSource<DeskEvent> source = KafkaSource.<DeskEvent>builder()
                .setBootstrapServers(topics.bootstrap())
                .setTopics(topics.desk())
                .setGroupId(groupId + "-desk")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new JsonInput<>(DeskEvent.class, DESK_ACTION))
                .setProperty("isolation.level", "read_committed")
                .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "desk").uid("desk").setParallelism(1);
    }

    /**
     * The market data for every account, every bar and mark from the topic's start (a worker that starts afresh
     * needs the history its accounts' indicators are built from), in the topic's order: one partition, in time order.
     */
    public static DataStream<MarketEvent> market(StreamExecutionEnvironment env, Topics topics, String groupId) {
        KafkaSource<MarketEvent> source = KafkaSource.<MarketEvent>builder()
                .setBootstrapServers(topics.bootstrap())
                .setTopics(topics.market())
                .setGroupId(groupId + "-market")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new JsonInput<>(MarketEvent.class, MARKET_DATA))
                .setProperty("isolation.level", "read_committed")
                .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "market").uid("market").setParallelism(1);
    }

    /** Writes the answers to {@link Topics#decisions}, keyed by account, in transactions committed with checkpoints. */
    public static void answersTo(Topics topics, DataStream<AccountRecord> answers) {
        Properties producer = new Properties();
        // longer than a checkpoint, shorter than the broker's transaction.max.timeout.ms (15 min by default)
        producer.setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(5).toMillis()));
        answers.sinkTo(KafkaSink.<AccountRecord>builder()
                        .setBootstrapServers(topics.bootstrap())
                        .setRecordSerializer(KafkaRecordSerializationSchema.<AccountRecord>builder()
                                .setTopic(topics.decisions())
                                .setKeySerializationSchema(new AccountKey())
                                .setValueSerializationSchema(new RecordJson())
                                .build())
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix(topics.transactionPrefix())
                        .setKafkaProducerConfig(producer)
                        .build())
                .uid("answers").name("answers");
    }

    /** An answer's Kafka key: its account, so each account's answers stay in order in one partition. */
    static final class AccountKey implements SerializationSchema<AccountRecord> {
        @Override
        public byte[] serialize(AccountRecord record) {
            return record.accountId().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** An answer's Kafka value: the record as canonical JSON. */
    static final class RecordJson implements SerializationSchema<AccountRecord> {
        @Override
        public byte[] serialize(AccountRecord record) {
            return CanonicalJson.write(record).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads a topic's JSON. A record that is not one (written by something other than the gateway or a replay) is
     * logged and skipped rather than failing the job over and over.
     */
    static final class JsonInput<T> implements DeserializationSchema<T> {

        private final Class<T> type;
        private final TypeInformation<T> produced;

        JsonInput(Class<T> type, TypeInformation<T> produced) {
            this.type = type;
            this.produced = produced;
        }

        @Override
        public T deserialize(byte[] message) throws IOException {
            try {
                return ArbiterJson.mapper().readValue(message, type);
            } catch (RuntimeException e) {
                LOG.warn("skipped a record that is not a {} in JSON ({} bytes)", type.getSimpleName(), message.length);
                return null;
            }
        }

        @Override
        public boolean isEndOfStream(T next) {
            return false;
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return produced;
        }
    }
}
