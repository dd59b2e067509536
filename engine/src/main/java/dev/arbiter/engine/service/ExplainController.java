package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/decisions/{id}/explain}: asks a Prolog goal about a stored decision, e.g.
 * {@code {"goal": "why_not(approved('i-1'), Reasons)"}}. The decision's facts are re-made from its
 * trace with the release it used (decisions are deterministic, so they are the decision's own).
 */
@Tag(name = "Decisions")
@RestController
class ExplainController {

    /** The question. */
    record Question(String goal) {
    }

    /** Each solution of the goal against the decision's stored facts, e.g. {@code P = 'i-1', S = capped}. */
    record Answer(String decisionId, String goal, List<String> solutions) {
    }

    private final Replayer replayer;

    ExplainController(Replayer replayer) {
        this.replayer = replayer;
    }

    @Operation(operationId = "askExplanation", summary = "Ask a Prolog question about a stored decision's explanation")
    @ApiResponse(responseCode = "200", description = "The goal's solutions, within the step and time limits")
    @PostMapping(path = "/v1/decisions/{decisionId}/explain", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Answer explain(@PathVariable String decisionId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Question.class)))
            @RequestBody(required = false) byte[] body) {
        Question question = JsonBodies.read(body, Question.class, "{\"goal\": \"status(P, S)\"}");
        if (question.goal() == null || question.goal().isBlank() || question.goal().length() > 2000) {
            throw new InvalidRequestException("goal", String.valueOf(question.goal()),
                    "a Prolog goal of 1 to 2000 characters, e.g. why_not(approved('i-1'), Reasons)");
        }
        List<String> solutions;
        try {
            solutions = replayer.query(decisionId, question.goal());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("goal", question.goal(), e.getMessage());
        }
        return new Answer(decisionId, question.goal(), solutions);
    }
}
