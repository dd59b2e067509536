package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/market/bars} with a file for a body, over real HTTP: the real ETH-USD 5-minute bars as a CSV with a
 * header and as a Binance kline ZIP are kept as the JSON body keeps them; a malformed CSV is answered 400 naming the
 * line and column, and a bar out of order is refused on its own, named by its line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BarFileBodiesIT {

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "barfiles");
    }

    @Test
    void csvAndBinanceZipBodiesAreKeptAndAMalformedCsvIsRefusedNamingLineAndColumn() throws Exception {
        List<Bar> eth = ethUsd();
        ServiceClient trader = ServiceClient.as(port, "trader");

        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (Bar b : eth.subList(0, 100)) {
            csv.append(b.openTime().toEpochMilli()).append(',').append(b.open()).append(',').append(b.high()).append(',')
                    .append(b.low()).append(',').append(b.close()).append(',').append(b.volume()).append('\n');
        }
        HttpResponse<String> fromCsv = trader.post("/v1/market/bars?symbol=ETH-USD",
                csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(fromCsv.statusCode()).as(fromCsv.body()).isEqualTo(200);
        JsonNode kept = ServiceClient.json(fromCsv);
        assertThat(kept.path("kept").asInt()).isEqualTo(100);
        assertThat(kept.path("period").asString()).isEqualTo("PT5M");
        assertThat(kept.path("newestOpenTime").asString()).isEqualTo(eth.get(99).openTime().toString());

        HttpResponse<String> fromZip = trader.post("/v1/market/bars?symbol=ETH-USD&period=PT5M",
                zip("ETHUSD-5m-2023-03-13.csv", klines(eth.subList(100, 200))), "application/zip", null);
        assertThat(fromZip.statusCode()).as(fromZip.body()).isEqualTo(200);
        assertThat(ServiceClient.json(fromZip).path("kept").asInt()).isEqualTo(100);
        assertThat(ServiceClient.json(fromZip).path("newestOpenTime").asString()).isEqualTo(eth.get(199).openTime().toString());

        String malformed = "timestamp,open,high,low,close,volume\n" + eth.get(200).openTime().toEpochMilli()
                + ",1,2,1,1.5,5\n" + eth.get(201).openTime().toEpochMilli() + ",1,2..5,1,1.5,5\n";
        HttpResponse<String> refused = trader.post("/v1/market/bars?symbol=ETH-USD",
                malformed.getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = ServiceClient.json(refused);
        assertThat(problem.path("field").asString()).isEqualTo("body line 3, column 3 (high)");
        assertThat(problem.path("value").asString()).isEqualTo("'2..5'");
        assertThat(problem.path("accepted").asString()).contains("a decimal number", "CSV with a header");
        assertThat(refused.body()).doesNotContain("Exception", "java.", "tools.jackson");

        String outOfOrder = "date,open,high,low,close,volume\n" + row(eth.get(200)) + row(eth.get(150)) + row(eth.get(201));
        HttpResponse<String> partly = trader.post("/v1/market/bars?symbol=ETH-USD",
                outOfOrder.getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(partly.statusCode()).as(partly.body()).isEqualTo(200);
        JsonNode tally = ServiceClient.json(partly);
        assertThat(tally.path("kept").asInt()).isEqualTo(2);
        assertThat(tally.path("refused")).extracting(r -> r.path("field").asString()).containsExactly("line 3 openTime");

        HttpResponse<String> noSymbol = trader.post("/v1/market/bars", csv.toString().getBytes(StandardCharsets.UTF_8),
                "text/csv", null);
        assertThat(noSymbol.statusCode()).isEqualTo(400);
        assertThat(ServiceClient.json(noSymbol).path("accepted").asString()).contains("?symbol=");
    }

    private static String row(Bar b) {
        return b.openTime() + "," + b.open() + "," + b.high() + "," + b.low() + "," + b.close() + "," + b.volume() + "\n";
    }

    /** Binance's kline CSV: 12 columns, no header, times in microseconds as its spot files give them from 2025. */
    private static String klines(List<Bar> bars) {
        StringBuilder out = new StringBuilder();
        for (Bar b : bars) {
            long open = b.openTime().toEpochMilli() * 1000;
            out.append(open).append(',').append(b.open()).append(',').append(b.high()).append(',').append(b.low())
                    .append(',').append(b.close()).append(',').append(b.volume()).append(',').append(open + 299_999_999L)
                    .append(",0,1,0,0,0\n");
        }
        return out.toString();
    }

    private static byte[] zip(String entry, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static List<Bar> ethUsd() throws Exception {
        try (InputStream in = BarFileBodiesIT.class.getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            return Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }
    }
}
