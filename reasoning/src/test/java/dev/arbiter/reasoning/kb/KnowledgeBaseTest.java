package dev.arbiter.reasoning.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.Restriction;
import dev.arbiter.kb.fact.RestrictionKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    private static final LocalDate AS_OF = LocalDate.parse("2023-03-15");

    private static Instrument instrument(String symbol, String venue) {
        return new Instrument(symbol, venue, "majors", new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.TEN,
                new BigDecimal("1000000"));
    }

    @Test
    void theShippedKnowledgeBaseRestrictsADirectlyRestrictedIssuerAndASanctionedVenue() {
        List<Restriction> restrictions = KnowledgeBase.shipped().restrictions(List.of(instrument("FTT-USD", "binance"),
                instrument("ETH-USD", "binance-us"), instrument("BTC-USD", "garantex")), AS_OF);

        assertThat(restrictions).containsExactly(
                new Restriction(RestrictionKind.INSTRUMENT, "FTT-USD", "FTT-USD trades ftt, issued by FTX Trading Ltd; "
                        + "FTX Trading Ltd is restricted since 2022-11-11: Chapter 11 bankruptcy filing"),
                new Restriction(RestrictionKind.VENUE, "garantex",
                        "venue garantex is sanctioned since 2022-04-05: OFAC SDN designation"));
    }

    @Test
    void aRestrictionTakesEffectOnItsDateNotBefore() {
        assertThat(KnowledgeBase.shipped().restrictions(List.of(instrument("FTT-USD", "binance")),
                LocalDate.parse("2022-11-10"))).isEmpty();
    }

    @Test
    void aRememberedDerivationAnswersForItsOwnDayOnlyAndForEveryEngineOfTheSameFiles() {
        KnowledgeBase kb = KnowledgeBase.shipped();
        List<Instrument> ftt = List.of(instrument("FTT-USD", "binance"));
        LocalDate before = LocalDate.parse("2022-11-10");
        LocalDate after = LocalDate.parse("2022-11-11");
        assertThat(kb.restrictions(ftt, before)).isEmpty();
        List<Restriction> restricted = kb.restrictions(ftt, after);
        assertThat(restricted).hasSize(1);
        assertThat(kb.restrictions(ftt, before)).as("the day before, asked again").isEmpty();
        assertThat(kb.restrictions(ftt, after)).as("asked again").isEqualTo(restricted);
        assertThat(kb.another().restrictions(ftt, after)).as("another engine").isEqualTo(restricted);
        assertThat(KnowledgeBase.shipped().restrictions(ftt, after)).as("worked out afresh").isEqualTo(restricted);
    }

    @Test
    void restrictionIsInheritedThroughOwnershipAndTheChainIsCited(@TempDir Path kb) throws Exception {
        Files.writeString(kb.resolve("issuers.pl"), """
                issued_by(eth, 'Ether Labs GmbH').
                owns('Ether Group SE', 'Ether Labs GmbH', 0.8).
                owns('Ether Holdings AG', 'Ether Group SE', 0.51).
                owns('Minority Fund', 'Ether Labs GmbH', 0.2).
                restricted_issuer('Ether Holdings AG', '2023-03-01', 'insider list').
                restricted_issuer('Minority Fund', '2023-03-01', 'sanctioned').
                """);
        KnowledgeBase withOverrides = KnowledgeBase.withOverrides(kb);

        assertThat(withOverrides.restrictions(List.of(instrument("ETH-USD", "binance-us")), AS_OF)).containsExactly(
                new Restriction(RestrictionKind.INSTRUMENT, "ETH-USD", "ETH-USD trades eth, issued by Ether Labs GmbH, "
                        + "a subsidiary of Ether Group SE (owns 80%), a subsidiary of Ether Holdings AG (owns 51%); "
                        + "Ether Holdings AG is restricted since 2023-03-01: insider list"));
        // The override replaced the shipped issuers file: FTX is no longer restricted.
        assertThat(withOverrides.restrictions(List.of(instrument("FTT-USD", "binance")), AS_OF)).isEmpty();
        assertThat(withOverrides.clusterOf("ETH-USD")).contains("majors");
    }

    @Test
    void anotherEngineOfAnOverriddenKnowledgeBaseDerivesWhatTheFirstDoes(@TempDir Path kb) throws Exception {
        Files.writeString(kb.resolve("issuers.pl"), """
                issued_by(eth, 'Ether Labs GmbH').
                restricted_issuer('Ether Labs GmbH', '2023-03-01', 'insider list').
                """);
        KnowledgeBase first = KnowledgeBase.withOverrides(kb);
        KnowledgeBase another = first.another();

        List<Instrument> instruments = List.of(instrument("ETH-USD", "binance-us"), instrument("FTT-USD", "binance"));
        assertThat(another).isNotSameAs(first);
        assertThat(another.files()).isEqualTo(first.files());
        assertThat(another.restrictions(instruments, AS_OF)).isEqualTo(first.restrictions(instruments, AS_OF))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("ETH-USD"));
    }

    @Test
    void anOwnershipCycleEndsAndAMalformedFileIsNamed(@TempDir Path kb) throws Exception {
        Files.writeString(kb.resolve("cycle.pl"), """
                owns('A Corp', 'B Corp', 0.9).
                owns('B Corp', 'A Corp', 0.9).
                issued_by(eth, 'A Corp').
                """);
        assertThat(KnowledgeBase.withOverrides(kb).restrictions(List.of(instrument("ETH-USD", "binance-us")), AS_OF))
                .isEmpty();

        Files.writeString(kb.resolve("broken.pl"), "venue(kraken, us).\nvenue(Kraken Europe, ie).\n");
        assertThatThrownBy(() -> KnowledgeBase.withOverrides(kb))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kb/broken.pl line 2 is not valid Prolog");
    }
}
