package dev.arbiter.engine.service;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.arbiter.engine.service.StrictInputIT.Replacement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON values a client could send in any field, drawn at random: every JSON type; text in any script (control
 * characters and NUL included), numeric text and text long enough to pass a column's width; integers, decimals from
 * 1e-400 to 1e400 and doubles; times that are nearly ISO-8601 (month 13, hour 25, no zone, an offset, epoch
 * seconds as text); small objects and lists of such values; or no field at all.
 */
final class RandomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RandomJson() {
    }

    /** A value for a field, or its removal. */
    static Gen<Replacement> replacements() {
        return Generate.frequency(List.of(
                Pair.of(1, Generate.constant(() -> new Replacement(null))),
                Pair.of(12, values().map(Replacement::new))));
    }

    static Gen<JsonNode> values() {
        return Generate.frequency(List.of(
                Pair.of(4, scalars()),
                Pair.of(1, objects()),
                Pair.of(1, lists().of(scalars()).ofSizeBetween(0, 3).map(RandomJson::list))));
    }

    private static Gen<JsonNode> scalars() {
        return Generate.frequency(List.of(
                Pair.of(1, Generate.constant(() -> NODES.nullNode())),
                Pair.of(1, booleans().all().map(b -> (JsonNode) NODES.booleanNode(b))),
                Pair.of(4, texts().map(t -> (JsonNode) NODES.stringNode(t))),
                Pair.of(4, numbers()),
                Pair.of(2, times().map(t -> (JsonNode) NODES.stringNode(t)))));
    }

    private static Gen<String> texts() {
        return Generate.frequency(List.of(
                Pair.of(3, strings().allPossible().ofLengthBetween(0, 24)),
                Pair.of(3, strings().basicLatinAlphabet().ofLengthBetween(0, 12)),
                Pair.of(1, strings().numeric()),
                Pair.of(1, strings().ascii().ofLengthBetween(300, 2_000))));
    }

    private static Gen<JsonNode> numbers() {
        return Generate.frequency(List.of(
                Pair.of(2, integers().all().map(i -> (JsonNode) NODES.numberNode(i))),
                Pair.of(1, longs().all().map(l -> (JsonNode) NODES.numberNode(l))),
                // unscaled value x 10^exponent, from far below the smallest double to far above the largest
                Pair.of(3, longs().all().zip(integers().between(-400, 400),
                        (unscaled, exponent) -> (JsonNode) NODES.numberNode(
                                new BigDecimal(BigInteger.valueOf(unscaled), -exponent)))),
                Pair.of(2, doubles().any().map(d -> (JsonNode) NODES.numberNode(Double.isFinite(d) ? d : 0.0)))));
    }

    /** Times as clients get them wrong: out-of-range parts, missing or odd zones, epoch seconds as text. */
    private static Gen<String> times() {
        Gen<String> zones = Generate.pick(List.of("Z", "", "+01:00", "-23:59", "+25:00", ".123Z", "z", " UTC"));
        Gen<String> isoLike = integers().between(0, 10_000).zip(integers().between(0, 13), integers().between(0, 32),
                (year, month, day) -> String.format("%04d-%02d-%02d", year, month, day))
                .zip(integers().between(0, 25), integers().between(0, 61), zones,
                        (date, hour, minute, zone) -> date + "T" + String.format("%02d:%02d:00", hour, minute) + zone);
        return Generate.frequency(List.of(
                Pair.of(4, isoLike),
                Pair.of(1, longs().between(-1L << 40, 1L << 40).map((Long seconds) -> String.valueOf(seconds)))));
    }

    private static Gen<JsonNode> objects() {
        Gen<Pair<String, JsonNode>> member = strings().allPossible().ofLengthBetween(0, 8)
                .zip(scalars(), Pair::of);
        return lists().of(member).ofSizeBetween(0, 3).map(members -> {
            ObjectNode object = NODES.objectNode();
            members.forEach(m -> object.set(m._1, m._2));
            return object;
        });
    }

    private static JsonNode list(List<JsonNode> values) {
        ArrayNode list = NODES.arrayNode();
        values.forEach(list::add);
        return list;
    }
}
