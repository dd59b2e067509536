package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.engine.lifecycle.LifecycleException;
import dev.arbiter.engine.models.ModelCandidate;
import dev.arbiter.engine.models.ModelCandidateStatus;
import dev.arbiter.engine.models.ModelLifecycle;
import dev.arbiter.engine.models.ModelProposal;
import dev.arbiter.engine.models.QualityBar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
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
 * The model lifecycle over HTTP: propose a registered model for a symbol and a purpose (its validation report held to
 * the quality bar at once), read it, approve it (a second risk officer), activate it, retire it, roll back, run it in
 * shadow. Who acts is the signed-in user.
 */
@Tag(name = "Models")
@RestController
class ModelLifecycleController {

    /** A proposal as a risk officer sends it; the author is the signed-in user. */
    record ProposalRequest(String model, String version, String symbol, String purpose, RequestedModel.Role role,
                           String note) {
    }

    /** How an approved model is activated: in place of the slot's primaries, or alongside them as an ensemble member. */
    record ActivationRequest(Boolean alongside) {
    }

    /** A candidate without its validation report, for lists. */
    record ModelCandidateSummary(String id, String status, String model, String version, String symbol, String purpose,
                                 String role, String author, String proposedAt, String approvedBy, String activatedBy,
                                 double outOfSampleAccuracy, double auc, double weight, List<String> shortfalls,
                                 boolean inShadow) {

        static ModelCandidateSummary of(ModelCandidate c) {
            return new ModelCandidateSummary(c.id(), c.status().name(), c.model(), c.version(), c.symbol(), c.purpose(),
                    c.role().name(), c.author(), String.valueOf(c.proposedAt()), c.approvedBy(), c.activatedBy(),
                    c.validation().outOfSample().accuracy(), c.validation().outOfSample().auc(), c.weight(),
                    c.shortfalls(), c.inShadow());
        }
    }

    /** Every candidate, oldest first, and the bar a proposal must clear. */
    record ModelCandidates(QualityBar qualityBar, List<ModelCandidateSummary> candidates) {
    }

    /** The models decisions run now. */
    record ActiveModelList(List<ModelCandidateSummary> active) {
    }

    private final ModelLifecycle lifecycle;

    ModelLifecycleController(ModelLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Operation(operationId = "modelCandidates", summary = "List model candidates and the quality bar")
    @ApiResponse(responseCode = "200", description = "Every candidate, oldest first")
    @GetMapping(path = "/v1/models/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelCandidates candidates() {
        return new ModelCandidates(lifecycle.qualityBar(),
                lifecycle.all().stream().map(ModelCandidateSummary::of).toList());
    }

    @Operation(operationId = "modelCandidate", summary = "One model candidate with its validation report")
    @ApiResponse(responseCode = "200", description = "The candidate")
    @GetMapping(path = "/v1/models/candidates/{candidateId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelCandidate candidate(@PathVariable String candidateId) {
        return lifecycle.find(candidateId);
    }

    @Operation(operationId = "activeModels", summary = "The models decisions run, by symbol and purpose")
    @ApiResponse(responseCode = "200", description = "The active models")
    @GetMapping(path = "/v1/models/active", produces = MediaType.APPLICATION_JSON_VALUE)
    ActiveModelList active() {
        return new ActiveModelList(lifecycle.active().stream().map(ModelCandidateSummary::of).toList());
    }

    @Operation(operationId = "proposeModel", summary = "Propose a registered model for a symbol and a purpose")
    @ApiResponse(responseCode = "201", description = "It cleared the quality bar and awaits a second officer's approval",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ModelCandidate.class)))
    @ApiResponse(responseCode = "422", description = "Refused: its validation fell short of the quality bar (the numbers in shortfalls); stored",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/v1/models/candidates", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> propose(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalRequest.class)))
            @RequestBody(required = false) byte[] body, Principal user) {
        ProposalRequest request = JsonBodies.read(body, ProposalRequest.class, "{\"model\": name, \"version\": version,"
                + " \"symbol\": symbol, \"purpose\": \"direction\", \"role\": \"PRIMARY\" or \"FALLBACK\", \"note\": text}");
        ModelCandidate candidate = lifecycle.propose(new ModelProposal(user.getName(), request.model(),
                request.version(), request.symbol(), request.purpose(), request.role(), request.note()));
        URI location = URI.create("/v1/models/candidates/" + candidate.id());
        if (candidate.status() == ModelCandidateStatus.BELOW_QUALITY_BAR) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "model "
                    + candidate.model() + " " + candidate.version() + " falls short of the quality bar: "
                    + String.join("; ", candidate.shortfalls()));
            problem.setTitle("Model refused at the quality bar");
            problem.setProperty("code", "BELOW_QUALITY_BAR");
            problem.setProperty("candidateId", candidate.id());
            problem.setProperty("shortfalls", candidate.shortfalls());
            return ResponseEntity.unprocessableContent().location(location).body(problem);
        }
        return ResponseEntity.created(location).body(candidate);
    }

    @Operation(operationId = "approveModel", summary = "Approve a model candidate (a second risk officer)")
    @ApiResponse(responseCode = "200", description = "Approved")
    @ApiResponse(responseCode = "409", description = "Refused: the author cannot approve, it fell short of the bar, or it is not awaiting approval")
    @PostMapping(path = "/v1/models/candidates/{candidateId}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelCandidate approve(@PathVariable String candidateId, Principal user) {
        return lifecycle.approve(candidateId, user.getName());
    }

    @Operation(operationId = "activateModel", summary = "Activate an approved model for its symbol and purpose")
    @ApiResponse(responseCode = "200", description = "Active: decisions from now on run it")
    @ApiResponse(responseCode = "409", description = "Refused: not approved, or not fit to join the slot's ensemble")
    @PostMapping(path = "/v1/models/candidates/{candidateId}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the models decisions run, which the decision job loads itself")
    ModelCandidate activate(@PathVariable String candidateId,
                            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                                    content = @Content(mediaType = "application/json",
                                            schema = @Schema(implementation = ActivationRequest.class)))
                            @RequestBody(required = false) byte[] body, Principal user) {
        boolean alongside = body != null && body.length > 0 && Boolean.TRUE.equals(JsonBodies.read(body,
                ActivationRequest.class, "{\"alongside\": true or false}").alongside());
        return lifecycle.activate(candidateId, user.getName(), alongside);
    }

    @Operation(operationId = "retireModel", summary = "Stop running an active model")
    @ApiResponse(responseCode = "200", description = "Retired")
    @ApiResponse(responseCode = "409", description = "Refused: not active")
    @PostMapping(path = "/v1/models/candidates/{candidateId}/retire", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the models decisions run, which the decision job loads itself")
    ModelCandidate retire(@PathVariable String candidateId, Principal user) {
        return lifecycle.retire(candidateId, user.getName());
    }

    @Operation(operationId = "rollbackModel", summary = "Restore a model that was active before")
    @ApiResponse(responseCode = "200", description = "Active again")
    @ApiResponse(responseCode = "409", description = "Refused: not a retired model")
    @PostMapping(path = "/v1/models/candidates/{candidateId}/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the models decisions run, which the decision job loads itself")
    ModelCandidate rollback(@PathVariable String candidateId, Principal user) {
        return lifecycle.rollback(candidateId, user.getName());
    }

    @Operation(operationId = "shadowModel", summary = "Run a candidate in shadow beside the active models of its slot")
    @ApiResponse(responseCode = "200", description = "In shadow: decisions also run it, its outcomes stored, never acted on")
    @ApiResponse(responseCode = "409", description = "Refused: not awaiting approval or approved, or already in shadow")
    @PostMapping(path = "/v1/models/candidates/{candidateId}/shadow", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelCandidate shadow(@PathVariable String candidateId, Principal user) {
        return lifecycle.shadow(candidateId, user.getName(), true);
    }

    @Operation(operationId = "stopShadowModel", summary = "Stop running a candidate in shadow")
    @ApiResponse(responseCode = "200", description = "No longer in shadow")
    @ApiResponse(responseCode = "409", description = "Refused: not in shadow")
    @PostMapping(path = "/v1/models/candidates/{candidateId}/shadow/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelCandidate stopShadow(@PathVariable String candidateId, Principal user) {
        return lifecycle.shadow(candidateId, user.getName(), false);
    }

    /** Refusals as problem details: 404 for an unknown candidate, 400 for a bad proposal, 409 for a refused step. */
    @ExceptionHandler(LifecycleException.class)
    ResponseEntity<ProblemDetail> refused(LifecycleException e) {
        return LifecycleRefusals.problem(e, "Model lifecycle step refused");
    }
}
