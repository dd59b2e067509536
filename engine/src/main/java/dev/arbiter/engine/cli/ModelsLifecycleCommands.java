package dev.arbiter.engine.cli;

import dev.arbiter.engine.json.ArbiterJson;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The model lifecycle against a running service: propose a registered model for a symbol and purpose, list and show
 * candidates and the active models, approve, activate, retire, roll back, run in shadow. Each prints the service's JSON
 * answer; exit 0 when the service accepted the step, 1 when it refused (the refusal, with a quality bar's numbers, is
 * printed), 2 on bad arguments.
 */
final class ModelsLifecycleCommands {

    private static final String CANDIDATES = "/v1/models/candidates";

    private ModelsLifecycleCommands() {
    }

    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = "Propose a registered model for a symbol and purpose; its validation report is held to the"
                    + " service's quality bar at once.")
    static final class Propose implements Callable<Integer> {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "the registered model's name")
        private String name;

        @Option(names = "--version", required = true, paramLabel = "VERSION", description = "the registered version")
        private String version;

        @Option(names = "--symbol", paramLabel = "SYMBOL", description = "the instrument it serves (default: the one it was trained on)")
        private String symbol;

        @Option(names = "--purpose", paramLabel = "PURPOSE", description = "what it is for (default: direction)")
        private String purpose;

        @Option(names = "--role", paramLabel = "ROLE", description = "PRIMARY or FALLBACK (default: PRIMARY)")
        private String role;

        @Option(names = "--note", paramLabel = "TEXT", description = "why")
        private String note;

        @Mixin
        private ServiceConnection service;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Map<String, String> proposal = new LinkedHashMap<>();
            proposal.put("model", name);
            proposal.put("version", version);
            putIfGiven(proposal, "symbol", symbol);
            putIfGiven(proposal, "purpose", purpose);
            putIfGiven(proposal, "role", role);
            putIfGiven(proposal, "note", note);
            return RulesLifecycleCommands.print(service.post(CANDIDATES, ArbiterJson.mapper().writeValueAsString(proposal)));
        }

        private static void putIfGiven(Map<String, String> body, String field, String value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }

    @Command(name = "candidates", mixinStandardHelpOptions = true,
            description = "List the quality bar and every model candidate with its status.")
    static final class Candidates implements Callable<Integer> {

        @Mixin
        private ServiceConnection service;

        @Override
        public Integer call() throws IOException, InterruptedException {
            return RulesLifecycleCommands.print(service.get(CANDIDATES));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a model candidate with its validation report.")
    static final class Show implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "CANDIDATE_ID")
        private String candidateId;

        @Mixin
        private ServiceConnection service;

        @Override
        public Integer call() throws IOException, InterruptedException {
            return RulesLifecycleCommands.print(service.get(CANDIDATES + "/" + candidateId));
        }
    }

    @Command(name = "active", mixinStandardHelpOptions = true, description = "List the models decisions run now.")
    static final class Active implements Callable<Integer> {

        @Mixin
        private ServiceConnection service;

        @Override
        public Integer call() throws IOException, InterruptedException {
            return RulesLifecycleCommands.print(service.get("/v1/models/active"));
        }
    }

    @Command(name = "step", mixinStandardHelpOptions = true,
            description = "Take a lifecycle step on a model candidate: approve (not your own proposal), activate, retire,"
                    + " rollback, shadow or shadow-stop.")
    static final class Step implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "STEP", description = "approve, activate, retire, rollback, shadow, shadow-stop")
        private String step;

        @Parameters(index = "1", paramLabel = "CANDIDATE_ID")
        private String candidateId;

        @Option(names = "--alongside", description = "with activate: join the slot's active primaries as an ensemble member")
        private boolean alongside;

        @Mixin
        private ServiceConnection service;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String path = switch (step) {
                case "approve", "activate", "retire", "rollback", "shadow" -> step;
                case "shadow-stop" -> "shadow/stop";
                default -> null;
            };
            if (path == null) {
                System.err.println("STEP: '" + step + "' is not accepted; expected approve, activate, retire, rollback,"
                        + " shadow or shadow-stop");
                return 2;
            }
            String body = alongside && step.equals("activate") ? "{\"alongside\": true}" : "";
            return RulesLifecycleCommands.print(service.post(CANDIDATES + "/" + candidateId + "/" + path, body));
        }
    }
}
