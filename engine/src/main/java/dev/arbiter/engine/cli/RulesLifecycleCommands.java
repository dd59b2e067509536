package dev.arbiter.engine.cli;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.lifecycle.PackUpload;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The rule-set lifecycle against a running service: upload a candidate, list and show candidates, approve,
 * activate, roll back. Each prints the service's JSON answer; exit 0 when the service accepted the step, 1 when it
 * refused (the refusal is printed), 2 on bad arguments.
 */
final class RulesLifecycleCommands {

    private RulesLifecycleCommands() {
    }

    static int print(HttpResponse<String> response) {
        if (response.statusCode() / 100 == 2) {
            System.out.println(response.body());
            return 0;
        }
        System.err.println("the service answered " + response.statusCode() + ": " + response.body());
        return 1;
    }

    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = "Upload files of a rule pack as a candidate: every file below PACK_DIR, or only the FILES named"
                    + " (paths relative to PACK_DIR). The service vets, compiles, analyses and tests it at once.")
    static final class Upload implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "PACK_DIR", description = "the rule pack's root directory")
        private Path packDir;

        @Parameters(index = "1..*", paramLabel = "FILE", description = "files to upload, relative to PACK_DIR (default: all)")
        private List<String> files = List.of();

        @Option(names = "--note", required = true, description = "what the change is and why")
        private String note;

        @Mixin
        private ServiceConnection service;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (!Files.isDirectory(packDir)) {
                System.err.println("PACK_DIR: " + packDir + " is not a directory; expected a rule pack's root");
                return 2;
            }
            Map<String, String> contents = new TreeMap<>();
            List<Path> selected;
            if (files.isEmpty()) {
                try (Stream<Path> walk = Files.walk(packDir)) {
                    selected = walk.filter(Files::isRegularFile).filter(RulesLifecycleCommands::packFile).toList();
                }
            } else {
                selected = files.stream().map(packDir::resolve).toList();
            }
            for (Path file : selected) {
                if (!Files.isRegularFile(file)) {
                    System.err.println("FILE: " + file + " does not exist");
                    return 2;
                }
                contents.put(packDir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
            return print(service.post("/v1/rule-sets",
                    ArbiterJson.mapper().writeValueAsString(Map.of("note", note, "files", contents))));
        }
    }

    @Command(name = "candidates", mixinStandardHelpOptions = true, description = "List every candidate with its status.")
    static final class Candidates implements Callable<Integer> {

        @Mixin
        private ServiceConnection service;

        @Override
        public Integer call() throws IOException, InterruptedException {
            return print(service.get("/v1/rule-sets"));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a candidate: its files, checks, analysis, test report and impact.")
    static final class Show implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "CANDIDATE_ID")
        private String candidateId;

        @Mixin
        private ServiceConnection service;

        @Override
        public Integer call() throws IOException, InterruptedException {
            return print(service.get("/v1/rule-sets/" + candidateId));
        }
    }

    /** approve, activate and rollback: one POST each. */
    abstract static class Step implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "CANDIDATE_ID")
        private String candidateId;

        @Mixin
        private ServiceConnection service;

        abstract String step();

        @Override
        public Integer call() throws IOException, InterruptedException {
            return print(service.post("/v1/rule-sets/" + candidateId + "/" + step(), ""));
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a candidate whose checks passed (not your own upload).")
    static final class Approve extends Step {
        @Override
        String step() {
            return "approve";
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Activate an approved candidate: decisions starting from now use it.")
    static final class Activate extends Step {
        @Override
        String step() {
            return "activate";
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Restore a release that was active before.")
    static final class Rollback extends Step {
        @Override
        String step() {
            return "rollback";
        }
    }

    private static boolean packFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".drl") || name.endsWith(".yaml") || PackUpload.PACK_FILES.contains(name);
    }
}
