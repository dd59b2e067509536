package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.reasoning.explain.Explanation;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.reasoning.proof.LimitProver;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.solver.AllocatorSettings;
import dev.arbiter.solver.CapitalAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The knowledge base feeding the compliance rules through a real decision: a risk officer's kb/ file
 * makes ETH-USD's issuer a subsidiary of a restricted group, the knowledge base derives the restriction
 * before the rules run, L7 rejects every ETH-USD proposal, and the explanation cites the ownership chain.
 */
class KnowledgeBaseDecisionTest {

    @Test
    void aRestrictionInheritedThroughOwnershipRejectsTheOrdersAndTheExplanationCitesTheChain(@TempDir Path kb)
            throws Exception {
        Files.writeString(kb.resolve("issuers.pl"), """
                issued_by(eth, 'Ether Labs GmbH').
                owns('Ether Holdings AG', 'Ether Labs GmbH', 0.8).
                restricted_issuer('Ether Holdings AG', '2023-03-01', 'insider list').
                """);
        try (DecisionPipeline pipeline = new DecisionPipeline(new RuleSetCompiler().compile(RuleSet.shippedDefault()),
                LimitSet.shippedDefault(), ParameterSet.shippedDefault(), new IndicatorFacts(IndicatorFacts.DEFAULT_SET),
                new CapitalAllocator(AllocatorSettings.defaults())::allocate, new LimitProver(Duration.ofSeconds(1)),
                new PrologExplainer(), KnowledgeBase.withOverrides(kb))) {

            DecisionResult result = pipeline.decide("dec-kb", ExampleRequests.example());

            String chain = "ETH-USD trades eth, issued by Ether Labs GmbH, a subsidiary of Ether Holdings AG (owns 80%);"
                    + " Ether Holdings AG is restricted since 2023-03-01: insider list";
            assertThat(result.decision().orders()).isEmpty();
            assertThat(result.decision().proposals()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.status()).isEqualTo("REJECTED");
                assertThat(p.reasonCodes()).contains("L7-RESTRICTED-INSTRUMENT");
            });
            Explanation i1 = result.trace().explanations().stream().filter(e -> e.proposalId().equals("i-1"))
                    .findFirst().orElseThrow();
            assertThat(i1.because()).contains("rejected by L7-RESTRICTED-INSTRUMENT at L7 (compliance):"
                    + " ETH-USD is on the restricted list: " + chain);
        }
    }

    @Test
    void theShippedKnowledgeBaseLeavesTheExampleUnrestricted() {
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            DecisionResult result = pipeline.decide("dec-kb", ExampleRequests.example());
            assertThat(result.trace().firings()).noneMatch(f -> f.reasonCode().startsWith("L7-RESTRICTED"));
        }
    }
}
