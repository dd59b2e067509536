package dev.arbiter.mlbridge.orderbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a recorded Binance spot feed: one message per line, the local receive time in nanoseconds,
 * a space, then either a REST depth snapshot ({@code {"lastUpdateId":…,"bids":…,"asks":…}}) or a
 * combined-stream message ({@code depthUpdate}, {@code trade} or {@code bookTicker}).
 */
public final class BinanceFeed {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Receives the feed's messages in order. */
    public interface Listener {
        void snapshot(Instant received, long lastUpdateId, List<OrderBook.Level> bids, List<OrderBook.Level> asks);

        void depth(Instant received, Instant event, long first, long last, List<OrderBook.Level> bids, List<OrderBook.Level> asks);

        void trade(Instant received, Instant time, double price, double quantity, boolean buyerIsMaker);

        void bookTicker(Instant received, long updateId, double bid, double ask);
    }

    private BinanceFeed() {
    }

    public static void read(Path file, Listener listener) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                int space = line.indexOf(' ');
                if (space < 0) {
                    throw new IOException(file.getFileName() + " line " + number + ": expected '<receive ns> <json>'");
                }
                long ns = Long.parseLong(line.substring(0, space));
                Instant received = Instant.ofEpochSecond(0, ns);
                JsonNode message = JSON.readTree(line.substring(space + 1));
                if (message.has("lastUpdateId")) {
                    listener.snapshot(received, message.get("lastUpdateId").asLong(), levels(message.get("bids")), levels(message.get("asks")));
                    continue;
                }
                String stream = message.path("stream").asString();
                JsonNode data = message.path("data");
                if (stream.contains("@depth")) {
                    listener.depth(received, Instant.ofEpochMilli(data.get("E").asLong()), data.get("U").asLong(), data.get("u").asLong(),
                            levels(data.get("b")), levels(data.get("a")));
                } else if (stream.endsWith("@trade")) {
                    listener.trade(received, Instant.ofEpochMilli(data.get("T").asLong()), Double.parseDouble(data.get("p").asString()),
                            Double.parseDouble(data.get("q").asString()), data.get("m").asBoolean());
                } else if (stream.endsWith("@bookTicker")) {
                    listener.bookTicker(received, data.get("u").asLong(), Double.parseDouble(data.get("b").asString()),
                            Double.parseDouble(data.get("a").asString()));
                }
            }
        }
    }

    private static List<OrderBook.Level> levels(JsonNode array) {
        List<OrderBook.Level> levels = new ArrayList<>(array.size());
        for (JsonNode level : array) {
            levels.add(new OrderBook.Level(Double.parseDouble(level.get(0).asString()), Double.parseDouble(level.get(1).asString())));
        }
        return levels;
    }
}
