package dev.arbiter.scenarios.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load over loopback against a running decision service: {@code threads} clients, each for its own
 * account, post the documented example request (each with its own request id) back to back for a
 * warm-up and then a measured period. Prints throughput, median / p99 / max latency of acknowledged
 * requests (each one durably stored before its answer), errors, and the service's resident memory
 * when its process id is given.
 *
 * <p>The warm-up is four minutes unless told otherwise: on two cores the JIT compiles the service's code (Tomcat,
 * Spring, Drools, Jackson, H2, tuProlog) for minutes under load, and a shorter warm-up measures its compiler threads
 * as much as the service (a third of the CPU after 15 seconds, an eighth after four minutes).
 *
 * <pre>
 * ServiceLoadGenerator --url http://127.0.0.1:8080 --path /v1/checks --user trader --password trader-demo \
 *     --threads 4 --warmup 240 --seconds 30 --request docs/examples/decision-request.json [--pid 12345]
 * </pre>
 */
public final class ServiceLoadGenerator {

    private ServiceLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        String path = options.getOrDefault("path", "/v1/decisions");
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "240")));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        String example = Files.readString(Path.of(options.getOrDefault("request", "docs/examples/decision-request.json")));
        String authorization = options.containsKey("key") ? "Bearer " + options.get("key")
                : "Basic " + Base64.getEncoder().encodeToString((options.getOrDefault("user", "trader") + ":"
                + options.getOrDefault("password", "trader-demo")).getBytes(StandardCharsets.UTF_8));
        Path examples = Path.of(options.getOrDefault("request", "docs/examples/decision-request.json")).getParent();
        for (int t = 0; t < threads; t++) {
            setUp(url, authorization, examples, "acct-bench-" + t);
        }

        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String account = "acct-bench-" + t;
            String body = example.replace("\"acct-1\"", "\"" + account + "\"");
            results.add(pool.submit(() -> client(url + path, authorization, body, account, measureFrom, measureUntil, errors, refused)));
        }
        // the service's CPU over the measured period: steadier on a shared machine than requests per second
        Optional<ProcessHandle> service = Optional.ofNullable(options.get("pid")).map(Long::parseLong)
                .flatMap(ProcessHandle::of);
        sleepUntil(measureFrom);
        Optional<Duration> cpuFrom = service.flatMap(s -> s.info().totalCpuDuration());
        sleepUntil(measureUntil);
        Optional<Duration> cpuUntil = service.flatMap(s -> s.info().totalCpuDuration());
        List<long[]> perThread = new ArrayList<>();
        for (Future<long[]> result : results) {
            perThread.add(result.get());
        }
        pool.shutdown();
        long[] latencies = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = measured.toNanos() / 1e9;
        System.out.printf("%s threads=%d measured=%ds requests=%d throughput=%.1f/s median=%.2fms p99=%.2fms max=%.2fms"
                        + " refused503=%d errors=%d%n",
                path, threads, measured.toSeconds(), latencies.length, latencies.length / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, refused.get(), errors.get());
        if (options.containsKey("pid")) {
            System.out.println("service memory: " + residentMemory(options.get("pid")));
        }
        if (cpuFrom.isPresent() && cpuUntil.isPresent() && latencies.length > 0) {
            Duration cpu = cpuUntil.get().minus(cpuFrom.get());
            System.out.printf("service CPU: %.2f ms per acknowledged request, %.2f cores busy%n",
                    cpu.toNanos() / 1e6 / latencies.length, cpu.toNanos() / (double) measured.toNanos());
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    /**
     * The example account under {@code account}, as a trading system sets it up: the opening balance, the example's
     * bars and its fill (an account already opened keeps its state: the service answers 409 and the rest is a
     * repeat the service recognises).
     */
    private static void setUp(String url, String authorization, Path examples, String account) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String[][] steps = {{"PUT", "/v1/accounts/" + account, "account.json"}, {"POST", "/v1/market/bars", "bars.json"},
                {"POST", "/v1/fills", "fills.json"}};
        for (String[] step : steps) {
            String body = Files.readString(examples.resolve(step[2])).replace("\"acct-1\"", "\"" + account + "\"")
                    .replace("\"f-1\"", "\"f-" + account + "\"");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + step[1]))
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .method(step[0], HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 400 && answer.statusCode() != 409) {
                throw new IllegalStateException(step[0] + " " + step[1] + " for " + account + ": " + answer.statusCode()
                        + " " + answer.body());
            }
        }
    }

    /** Posts back to back; returns the latencies (ns) of acknowledged requests finished in the measured period. */
    private static long[] client(String target, String authorization, String body, String account, long measureFrom,
                                 long measureUntil, AtomicLong errors, AtomicLong refused) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] latencies = new long[1 << 16];
        int count = 0;
        for (long n = 0; System.nanoTime() < measureUntil; n++) {
            String request = body.replaceFirst("\"requestId\": \"[^\"]*\"", "\"requestId\": \"" + account + "-" + n + "\"");
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target))
                        .header("Content-Type", "application/json").header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
                long done = System.nanoTime();
                if (response.statusCode() == 503) {
                    refused.incrementAndGet();
                } else if (response.statusCode() != 201) {
                    errors.incrementAndGet();
                } else if (sent >= measureFrom && done <= measureUntil) {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = done - sent;
                }
            } catch (IOException | InterruptedException e) {
                errors.incrementAndGet();
            }
        }
        return Arrays.copyOf(latencies, count);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String residentMemory(String pid) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", pid, "status"));
        return lines.stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("unknown");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException(args[i] + " is not accepted; expected --name value pairs");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
