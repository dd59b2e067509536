package dev.arbiter.engine.service;

import dev.arbiter.engine.lifecycle.Candidate;
import dev.arbiter.engine.lifecycle.LifecycleException;
import dev.arbiter.engine.lifecycle.PackUpload;
import dev.arbiter.engine.lifecycle.RuleSetLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule-set lifecycle over HTTP: upload a candidate (checked at once), read its checks and impact, approve it
 * (a second risk officer), activate it, roll back to an earlier release, run it in shadow of the active release and
 * stop that. Who acts is the signed-in user.
 */
@Tag(name = "Rule sets")
@RestController
class RuleSetLifecycleController {

    /** An upload as a risk officer sends it; the author is the signed-in user. */
    record UploadRequest(String note, Map<String, String> files) {
    }

    /** A candidate without its files, for lists. */
    record CandidateSummary(String id, String status, String author, String note, String uploadedAt,
                            String ruleSetVersion, String limitsVersion, String parametersVersion,
                            String instrumentsVersion, String approvedBy, String activatedBy, boolean checksPassed,
                            Integer decisionsChanged, boolean inShadow) {

        static CandidateSummary of(Candidate c) {
            return new CandidateSummary(c.id(), c.status().name(), c.author(), c.note(), String.valueOf(c.uploadedAt()),
                    c.ruleSetVersion(), c.limitsVersion(), c.parametersVersion(), c.instrumentsVersion(), c.approvedBy(),
                    c.activatedBy(),
                    c.checks().passed(), c.impact() == null ? null : c.impact().changed().size(), c.inShadow());
        }
    }

    /** Every candidate, oldest first. */
    record Candidates(List<CandidateSummary> candidates) {
    }

    private final RuleSetLifecycle lifecycle;

    RuleSetLifecycleController(RuleSetLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Operation(operationId = "candidates", summary = "List rule-set candidates")
    @ApiResponse(responseCode = "200", description = "Every candidate, oldest first")
    @GetMapping(path = "/v1/rule-sets", produces = MediaType.APPLICATION_JSON_VALUE)
    Candidates candidates() {
        return new Candidates(lifecycle.all().stream().map(CandidateSummary::of).toList());
    }

    @Operation(operationId = "candidate", summary = "One candidate with its files, checks and impact")
    @ApiResponse(responseCode = "200", description = "The candidate")
    @GetMapping(path = "/v1/rule-sets/{candidateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Candidate candidate(@PathVariable String candidateId) {
        return lifecycle.find(candidateId);
    }

    @Operation(operationId = "uploadCandidate", summary = "Upload a candidate: rule files, limits, parameters")
    @ApiResponse(responseCode = "201", description = "Checked at once: diagnostics, analysis, rule tests and impact on recent decisions")
    @PostMapping(path = "/v1/rule-sets", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Candidate> upload(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadRequest.class)))
            @RequestBody(required = false) byte[] body, Principal user) {
        UploadRequest request = JsonBodies.read(body, UploadRequest.class,
                "{\"note\": text, \"files\": {\"path/in/pack.drl\": content, \"limits.json\": content, ...}}");
        Candidate candidate = lifecycle.upload(new PackUpload(user.getName(), request.note(), request.files()));
        return ResponseEntity.created(URI.create("/v1/rule-sets/" + candidate.id())).body(candidate);
    }

    @Operation(operationId = "approve", summary = "Approve a candidate (a second risk officer)")
    @ApiResponse(responseCode = "200", description = "Approved")
    @ApiResponse(responseCode = "409", description = "Refused: the author cannot approve, or the candidate is not awaiting approval")
    @PostMapping(path = "/v1/rule-sets/{candidateId}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    Candidate approve(@PathVariable String candidateId, Principal user) {
        return lifecycle.approve(candidateId, user.getName());
    }

    @Operation(operationId = "activate", summary = "Activate an approved candidate")
    @ApiResponse(responseCode = "200", description = "Active: decisions from now on use it")
    @ApiResponse(responseCode = "409", description = "Refused: not approved")
    @PostMapping(path = "/v1/rule-sets/{candidateId}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the rule release decisions are made with, which the decision job loads itself")
    Candidate activate(@PathVariable String candidateId, Principal user) {
        return lifecycle.activate(candidateId, user.getName());
    }

    @Operation(operationId = "rollback", summary = "Roll back to an earlier release")
    @ApiResponse(responseCode = "200", description = "Active again")
    @ApiResponse(responseCode = "409", description = "Refused: not a retired release")
    @PostMapping(path = "/v1/rule-sets/{candidateId}/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the rule release decisions are made with, which the decision job loads itself")
    Candidate rollback(@PathVariable String candidateId, Principal user) {
        return lifecycle.rollback(candidateId, user.getName());
    }

    @Operation(operationId = "startShadow", summary = "Run a candidate in shadow of the active release")
    @ApiResponse(responseCode = "200", description = "In shadow: every decision from now on is decided by it too, stored and compared, never acted on")
    @ApiResponse(responseCode = "409", description = "Refused: not awaiting approval or approved, in shadow already, or as many candidates in shadow as allowed")
    @PostMapping(path = "/v1/rule-sets/{candidateId}/shadow", produces = MediaType.APPLICATION_JSON_VALUE)
    Candidate startShadow(@PathVariable String candidateId, Principal user) {
        return lifecycle.startShadow(candidateId, user.getName());
    }

    @Operation(operationId = "stopShadow", summary = "Stop running a candidate in shadow")
    @ApiResponse(responseCode = "200", description = "Out of shadow; the rows it stored stay")
    @ApiResponse(responseCode = "409", description = "Refused: not in shadow")
    @PostMapping(path = "/v1/rule-sets/{candidateId}/shadow/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    Candidate stopShadow(@PathVariable String candidateId, Principal user) {
        return lifecycle.stopShadow(candidateId, user.getName());
    }

    /** Refusals as problem details: 404 for an unknown candidate, 400 for a bad upload, 409 for a refused step. */
    @ExceptionHandler(LifecycleException.class)
    ResponseEntity<ProblemDetail> refused(LifecycleException e) {
        return LifecycleRefusals.problem(e, "Rule-set lifecycle step refused");
    }
}
