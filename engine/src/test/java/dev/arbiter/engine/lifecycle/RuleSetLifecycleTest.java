package dev.arbiter.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.lifecycle.LifecycleException.Code;
import dev.arbiter.engine.lifecycle.LifecycleJournal.Step;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.rules.pack.InstrumentSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's rules over the real shipped pack: real compilation, real rule tests, a real pipeline whose
 * active release changes. (Storage and the audit chain are exercised through the service.)
 */
class RuleSetLifecycleTest {

    /** Margin cases that pin the release's own limit ({@code releaseLimits}): they hold at 75 %, not at 80 %. */
    private static final String MARGIN_TESTS_AT_75_PERCENT = """
            cases:
              - name: rejects an opening buy with 75% of margin used
                releaseLimits: [max-margin-utilisation]
                given:
                  - Margin: {accountId: acct-1, used: 37500, capacity: 50000}
                  - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: BUY, quantity: 1, limitPrice: 1630, stopLoss: 1550, strategy: s, conviction: 0.5}
                expect:
                  fired: [L3-MARGIN]
                  outcomes:
                    - {kind: REJECT, proposal: i-1, code: L3-MARGIN, message: "margin used 37500.00 of 50000.00 is at or above the 75% limit: only reducing orders"}
              - name: lets an opening buy through with 74% of margin used
                releaseLimits: [max-margin-utilisation]
                given:
                  - Margin: {accountId: acct-1, used: 37000, capacity: 50000}
                  - OrderIntent: {intentId: i-1, accountId: acct-1, symbol: ETH-USD, side: BUY, quantity: 1, limitPrice: 1630, stopLoss: 1550, strategy: s, conviction: 0.5}
                expect:
                  notFired: [L3-MARGIN]
            """;

    private DecisionPipeline pipeline;
    private RuleSetLifecycle lifecycle;
    private final List<String> journal = new ArrayList<>();
    private Candidate shipped;

    @BeforeEach
    void start() {
        pipeline = DecisionPipeline.withShippedDefaults();
        ReleaseSwitch releases = switchOver(pipeline);
        lifecycle = new RuleSetLifecycle(releases, new InMemoryCandidateStore(),
                (step, candidate, actor, at) -> journal.add(step + " " + candidate.id() + " by " + actor),
                ReleaseAnalysis.NONE, release -> new ImpactReport(0, List.of()),
                InstantSource.fixed(Instant.parse("2026-01-05T09:00:00Z")));
        shipped = lifecycle.bootstrap(ShippedPack.files(), "system");
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void aChangeApprovedByASecondOfficerBecomesActiveAndCanBeRolledBack() {
        Candidate candidate = lifecycle.upload(limitsChange("officer-a"));
        assertThat(candidate.status()).as(candidate.checks().toString()).isEqualTo(CandidateStatus.AWAITING_APPROVAL);
        assertThat(candidate.checks().testsPassed()).isTrue();
        assertThat(candidate.ruleSetVersion()).isEqualTo(shipped.ruleSetVersion());
        assertThat(candidate.limitsVersion()).isNotEqualTo(shipped.limitsVersion());

        lifecycle.approve(candidate.id(), "officer-b");
        Candidate active = lifecycle.activate(candidate.id(), "officer-a");

        assertThat(active.status()).isEqualTo(CandidateStatus.ACTIVE);
        assertThat(pipeline.active().limits().version()).isEqualTo(candidate.limitsVersion());
        assertThat(pipeline.active().limits().require("max-margin-utilisation")).isEqualByComparingTo("0.75");
        assertThat(lifecycle.find(shipped.id()).status()).isEqualTo(CandidateStatus.RETIRED);

        lifecycle.rollback(shipped.id(), "officer-b");

        assertThat(pipeline.active().limits().version()).isEqualTo(shipped.limitsVersion());
        assertThat(lifecycle.find(candidate.id()).status()).isEqualTo(CandidateStatus.RETIRED);
        assertThat(journal).containsExactly("ACTIVATED cand-0001 by system", "UPLOADED cand-0002 by officer-a",
                "APPROVED cand-0002 by officer-b", "ACTIVATED cand-0002 by officer-a",
                "ROLLED_BACK cand-0001 by officer-b");
    }

    @Test
    void aLimitOnlyChangePassesTheShippedTestsWhichReadTheNumbersTheyWereWrittenAgainst() {
        String shippedLimits = ShippedPack.files().get("limits.json");
        String tighter = shippedLimits.replaceFirst("\"max-order-quantity\"\\s*:\\s*10", "\"max-order-quantity\": 7");
        assertThat(tighter).isNotEqualTo(shippedLimits);

        Candidate candidate = lifecycle.upload(new PackUpload("officer-a", "smaller orders", Map.of("limits.json", tighter)));

        assertThat(candidate.status()).as(candidate.checks().tests()).isEqualTo(CandidateStatus.AWAITING_APPROVAL);
        assertThat(candidate.checks().testsPassed()).isTrue();
    }

    @Test
    void aCaseThatPinsTheReleasesNumberFailsWhenThatNumberChanges() {
        // the 75 % cases uploaded without the 75 % limit: they read the release's 80 % and no longer hold
        Candidate candidate = lifecycle.upload(new PackUpload("officer-a", "tests only",
                Map.of("l3-account/margin.test.yaml", MARGIN_TESTS_AT_75_PERCENT)));

        assertThat(candidate.status()).isEqualTo(CandidateStatus.CHECKS_FAILED);
        assertThat(candidate.checks().tests()).contains("FAIL", "rejects an opening buy with 75% of margin used");
    }

    @Test
    void theAuthorCannotApproveTheirOwnCandidate() {
        Candidate candidate = lifecycle.upload(limitsChange("officer-a"));

        assertThatThrownBy(() -> lifecycle.approve(candidate.id(), "officer-a"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(Code.SELF_APPROVAL))
                .hasMessageContaining("uploaded by officer-a, who cannot approve it");
        assertThat(lifecycle.find(candidate.id()).status()).isEqualTo(CandidateStatus.AWAITING_APPROVAL);
    }

    @Test
    void nothingIsActivatedWithoutApproval() {
        Candidate candidate = lifecycle.upload(limitsChange("officer-a"));
        String before = pipeline.active().limits().version();

        assertThatThrownBy(() -> lifecycle.activate(candidate.id(), "officer-b"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_APPROVED));
        assertThat(pipeline.active().limits().version()).isEqualTo(before);
    }

    @Test
    void aCandidateWhoseRuleTestsFailCannotBeApproved() {
        Map<String, String> pack = ShippedPack.files();
        String path = pack.keySet().stream().filter(p -> p.endsWith("max-order-quantity.drl")).findFirst().orElseThrow();
        // the rule now caps only above twice the limit: its shipped test cases no longer hold
        String weakened = pack.get(path).replace("Proposal(quantity > $max)", "Proposal(quantity > $max * 2)");
        assertThat(weakened).isNotEqualTo(pack.get(path));

        Candidate candidate = lifecycle.upload(new PackUpload("officer-a", "loosen order cap", Map.of(path, weakened)));

        assertThat(candidate.status()).isEqualTo(CandidateStatus.CHECKS_FAILED);
        assertThat(candidate.checks().testsPassed()).isFalse();
        assertThat(candidate.checks().tests()).contains("FAIL");
        assertThatThrownBy(() -> lifecycle.approve(candidate.id(), "officer-b"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(Code.CHECKS_FAILED));
    }

    @Test
    void brokenDrlIsStoredWithItsDiagnosticsAndNeverActivated() {
        Candidate candidate = lifecycle.upload(new PackUpload("officer-a", "typo",
                Map.of("l1-position/broken.drl", "package rules;\nrule \"Broken\"\nwhen\n  Account( equity >\nthen\nend\n")));

        assertThat(candidate.status()).isEqualTo(CandidateStatus.CHECKS_FAILED);
        assertThat(candidate.checks().diagnostics()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.file()).isEqualTo("l1-position/broken.drl"));
        assertThat(journal).last().isEqualTo("UPLOADED cand-0002 by officer-a");
    }

    @Test
    void malformedUploadsAreRefusedNamingTheFile() {
        assertThatThrownBy(() -> lifecycle.upload(new PackUpload("officer-a", "", Map.of("../etc/passwd.drl", "x"))))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_UPLOAD))
                .hasMessageContaining("files['../etc/passwd.drl']");
        assertThatThrownBy(() -> lifecycle.upload(new PackUpload("officer-a", "", Map.of("limits.json", "{\"max-order-quantity\": \"ten\"}"))))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_UPLOAD))
                .hasMessageContaining("max-order-quantity");
        assertThat(lifecycle.all()).hasSize(1);
    }

    @Test
    void aCandidateWhoseInvariantIsRefutedIsHeldBackWithTheCounterexample() {
        ReleaseSwitch releases = switchOver(pipeline);
        RuleSetLifecycle analysed = new RuleSetLifecycle(releases, new InMemoryCandidateStore(),
                (step, candidate, actor, at) -> { }, new Z3ReleaseAnalysis(), release -> new ImpactReport(0, List.of()),
                InstantSource.fixed(Instant.parse("2026-01-05T09:00:00Z")));
        analysed.bootstrap(ShippedPack.files(), "system");
        // orders up to max-order-quantity (10) pass: an invariant claiming 5 is the ceiling is false
        String invariants = ShippedPack.files().get("invariants.yaml") + """
                  - name: five-is-the-ceiling
                    description: no order for more than 5 passes
                    when: Proposal.quantity > 5
                    then: blocked
                """;

        Candidate candidate = analysed.upload(new PackUpload("officer-a", "a wrong invariant",
                Map.of("invariants.yaml", invariants)));

        assertThat(candidate.status()).isEqualTo(CandidateStatus.CHECKS_FAILED);
        assertThat(candidate.checks().analysisBlocks()).isTrue();
        assertThat(candidate.checks().testsPassed()).isTrue();
        assertThat(String.join("\n", candidate.checks().analysis())).contains("five-is-the-ceiling")
                .contains("proved: invariant halted-account");
    }

    @Test
    void theShippedReleaseRecordsTheShippedInstrumentsFile() {
        assertThat(shipped.files()).containsKey(InstrumentSet.FILE);
        assertThat(shipped.instrumentsVersion()).isEqualTo(InstrumentSet.shippedDefault().version());
        assertThat(shipped.releaseKey()).endsWith("/" + shipped.instrumentsVersion());
        assertThat(pipeline.active().versions().instruments()).isEqualTo(shipped.instrumentsVersion());
    }

    @Test
    void anInstrumentsChangeApprovedByASecondOfficerBecomesActiveAndCanBeRolledBack() {
        String listed = ShippedPack.files().get(InstrumentSet.FILE);
        String changed = listed.replace("[\n", "[\n" + AVAX + ",\n").replace(
                "\"symbol\": \"ETH-USD\", \"venue\": \"binance-us\", \"cluster\": \"majors\", \"sector\": \"smart-contract-platform\", \"tickSize\": 0.01",
                "\"symbol\": \"ETH-USD\", \"venue\": \"binance-us\", \"cluster\": \"majors\", \"sector\": \"smart-contract-platform\", \"tickSize\": 0.1");
        assertThat(changed).contains("AVAX-USD").contains("\"tickSize\": 0.1,");

        Candidate candidate = lifecycle.upload(new PackUpload("officer-a", "list AVAX, ETH-USD at a 0.1 tick",
                Map.of(InstrumentSet.FILE, changed)));

        assertThat(candidate.status()).as(candidate.checks().toString()).isEqualTo(CandidateStatus.AWAITING_APPROVAL);
        assertThat(candidate.instrumentsVersion()).startsWith("ins-").isNotEqualTo(shipped.instrumentsVersion());
        assertThat(List.of(candidate.ruleSetVersion(), candidate.limitsVersion(), candidate.parametersVersion()))
                .containsExactly(shipped.ruleSetVersion(), shipped.limitsVersion(), shipped.parametersVersion());
        assertThat(candidate.releaseKey()).isNotEqualTo(shipped.releaseKey());
        assertThat(candidate.files().get(InstrumentSet.FILE)).isEqualTo(changed);
        assertThat(pipeline.active().instruments().find("AVAX-USD")).as("not before activation").isEmpty();

        lifecycle.approve(candidate.id(), "officer-b");
        lifecycle.activate(candidate.id(), "officer-b");

        assertThat(pipeline.active().versions().instruments()).isEqualTo(candidate.instrumentsVersion());
        assertThat(pipeline.active().key()).isEqualTo(candidate.releaseKey());
        assertThat(pipeline.active().instruments().find("AVAX-USD")).map(Instrument::venue).contains("binance-us");
        assertThat(pipeline.active().instruments().sectorOf("AVAX-USD")).contains("smart-contract-platform");
        assertThat(pipeline.active().instruments().find("ETH-USD")).map(Instrument::tickSize)
                .contains(new BigDecimal("0.1"));

        lifecycle.rollback(shipped.id(), "officer-a");

        assertThat(pipeline.active().versions().instruments()).isEqualTo(shipped.instrumentsVersion());
        assertThat(pipeline.active().instruments().find("AVAX-USD")).isEmpty();
        assertThat(pipeline.active().instruments().notListed("AVAX-USD"))
                .startsWith("'AVAX-USD' is not a listed instrument; listed: [ADA-USDT, BNB-USD, ");
    }

    @Test
    void aBadInstrumentsFileIsRefusedNamingTheEntryTheFieldAndTheValue() {
        String listed = ShippedPack.files().get(InstrumentSet.FILE);
        String negativeTick = listed.replace("\"symbol\": \"SOL-USD\", \"venue\": \"binance-us\", \"cluster\": \"alt_layer1\", "
                + "\"sector\": \"smart-contract-platform\", \"tickSize\": 0.01", "\"symbol\": \"SOL-USD\", \"venue\": \"binance-us\", "
                + "\"cluster\": \"alt_layer1\", \"sector\": \"smart-contract-platform\", \"tickSize\": -0.01");
        assertThat(negativeTick).isNotEqualTo(listed);

        assertThatThrownBy(() -> lifecycle.upload(new PackUpload("officer-a", "", Map.of(InstrumentSet.FILE, negativeTick))))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_UPLOAD))
                .hasMessageContaining("instruments file 'instruments.json' [2] (SOL-USD).tickSize: -0.01 is not accepted; "
                        + "expected a number > 0");
        assertThatThrownBy(() -> lifecycle.upload(new PackUpload("officer-a", "", Map.of(InstrumentSet.FILE, ""))))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_UPLOAD))
                .hasMessage("files['instruments.json']: missing from the pack and from the active release; expected a "
                        + "JSON array of instruments, one object per symbol");
        assertThat(lifecycle.all()).hasSize(1);
        assertThat(pipeline.active().versions().instruments()).isEqualTo(shipped.instrumentsVersion());
    }

    @Test
    void aReleaseStoredBeforeInstrumentsBelongedToReleasesIsCarriedOnWithTheShippedFile() {
        ReleaseSwitch releases = switchOver(pipeline);
        RuleSetLifecycle legacy = new RuleSetLifecycle(releases, new InMemoryCandidateStore(),
                (step, candidate, actor, at) -> { }, ReleaseAnalysis.NONE, release -> new ImpactReport(0, List.of()),
                InstantSource.fixed(Instant.parse("2026-01-05T09:00:00Z")));
        Map<String, String> withoutInstruments = new java.util.TreeMap<>(ShippedPack.files());
        withoutInstruments.remove(InstrumentSet.FILE);
        Candidate old = legacy.bootstrap(withoutInstruments, "system");
        assertThat(old.files()).doesNotContainKey(InstrumentSet.FILE);

        Candidate next = legacy.upload(limitsChange("officer-a"));

        assertThat(next.status()).as(next.checks().toString()).isEqualTo(CandidateStatus.AWAITING_APPROVAL);
        assertThat(next.files().get(InstrumentSet.FILE)).isEqualTo(ShippedPack.files().get(InstrumentSet.FILE));
        assertThat(next.instrumentsVersion()).isEqualTo(InstrumentSet.shippedDefault().version());
    }

    @Test
    void aRetiredReleaseCannotBeActivatedAgainOnlyRolledBackTo() {
        assertThatThrownBy(() -> lifecycle.rollback(shipped.id(), "officer-b"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(Code.WRONG_STATE));
    }

    private static final String AVAX = "  {\"symbol\": \"AVAX-USD\", \"venue\": \"binance-us\", \"cluster\": \"alt_layer1\", "
            + "\"sector\": \"smart-contract-platform\", \"tickSize\": 0.01, \"lotSize\": 0.01, \"minNotional\": 10, "
            + "\"maxNotional\": 1000000}";

    /** Decisions' release as the pipeline holds it, swapped in place. */
    private static ReleaseSwitch switchOver(DecisionPipeline pipeline) {
        return new ReleaseSwitch() {
            @Override
            public dev.arbiter.engine.decision.RuleRelease active() {
                return pipeline.active();
            }

            @Override
            public void activate(dev.arbiter.engine.decision.RuleRelease release, String actor) {
                pipeline.activate(release);
            }
        };
    }

    private PackUpload limitsChange(String author) {
        String shippedLimits = ShippedPack.files().get("limits.json");
        String changed = shippedLimits.replaceFirst("\"max-margin-utilisation\"\\s*:\\s*[0-9.]+",
                "\"max-margin-utilisation\": 0.75");
        assertThat(changed).as("limits.json has max-margin-utilisation").isNotEqualTo(shippedLimits);
        return new PackUpload(author, "less margin in use", Map.of("limits.json", changed,
                "l3-account/margin.test.yaml", MARGIN_TESTS_AT_75_PERCENT));
    }
}
