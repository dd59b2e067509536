package dev.arbiter.engine.cli;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter report ID --out FILE}: a stored decision's report, or a period's, from the running service. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Save the self-contained HTML report of a stored decision (report ID --out FILE) or of a period"
                + " (report --from T --to T --out FILE), as the running service renders it.",
                "Exit 0 when saved, 1 when the service refuses or cannot be reached, 2 on bad arguments."})
final class ReportCommand implements Callable<Integer> {

    static final class What {
        @Parameters(index = "0", paramLabel = "DECISION_ID", arity = "0..1", description = "the decision to report")
        String decisionId;

        @ArgGroup(exclusive = false)
        Period period;
    }

    static final class Period {
        @Option(names = "--from", required = true, paramLabel = "TIME", description = "start (ISO-8601 UTC, inclusive)")
        String from;

        @Option(names = "--to", required = true, paramLabel = "TIME", description = "end (ISO-8601 UTC, exclusive)")
        String to;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the HTML page")
    private Path out;

    @Mixin
    private ServiceConnection service;

    @Override
    public Integer call() throws Exception {
        String path = what.decisionId != null
                ? "/v1/decisions/" + URLEncoder.encode(what.decisionId, StandardCharsets.UTF_8) + "/report"
                : "/v1/reports/period?from=" + URLEncoder.encode(what.period.from, StandardCharsets.UTF_8)
                        + "&to=" + URLEncoder.encode(what.period.to, StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try {
            response = service.get(path);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("report: the service at " + service.server() + " cannot be reached: " + e.getMessage());
            return 1;
        }
        if (response.statusCode() != 200) {
            System.err.println("report: the service answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, response.body());
        System.err.println("report saved to " + out);
        return 0;
    }
}
