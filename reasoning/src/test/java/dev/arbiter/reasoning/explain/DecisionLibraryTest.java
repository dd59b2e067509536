package dev.arbiter.reasoning.explain;

import static org.assertj.core.api.Assertions.assertThat;

import alice.tuprolog.Prolog;
import alice.tuprolog.SolveInfo;
import alice.tuprolog.Struct;
import alice.tuprolog.Term;
import alice.tuprolog.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision's facts as the theory reads them: all of a functor's, or those of one first argument. */
class DecisionLibraryTest {

    @Test
    void aKeyGivesTheFactsWhoseFirstArgumentItIsInTheirOrderAndNoOthers() throws Exception {
        DecisionLibrary.Loaded library = new DecisionLibrary.Loaded("");
        Prolog engine = new Prolog(new String[] {"alice.tuprolog.lib.BasicLibrary"});
        engine.loadLibrary(library);
        library.serve(Map.of("matched", list(
                matched(new Struct("rule-a"), "exposure 1"),
                matched(new Struct("rule-b"), "exposure 2"),
                matched(new Struct("rule-a"), "limit 3"),
                matched(new alice.tuprolog.Int(7), "a fact whose first argument is no atom"))));

        assertThat(facts(engine, "matched", "rule-a")).containsExactly("matched('rule-a','exposure 1')",
                "matched('rule-a','limit 3')");
        assertThat(facts(engine, "matched", "rule-b")).containsExactly("matched('rule-b','exposure 2')");
        assertThat(facts(engine, "matched", "rule-c")).isEmpty();
        assertThat(facts(engine, "fired", "rule-a")).isEmpty();

        SolveInfo all = engine.solve(new Struct("decision_facts", new Struct("matched"), new Var("Facts")));
        assertThat(texts(all.getVarValue("Facts"))).hasSize(4);

        // a new decision is looked up anew, not in the previous one's groups
        library.serve(Map.of("matched", list(matched(new Struct("rule-b"), "exposure 9"))));
        assertThat(facts(engine, "matched", "rule-a")).isEmpty();
        assertThat(facts(engine, "matched", "rule-b")).containsExactly("matched('rule-b','exposure 9')");
    }

    private static List<String> facts(Prolog engine, String functor, String key) throws Exception {
        SolveInfo solved = engine.solve(new Struct("decision_facts", new Struct(functor), new Struct(key),
                new Var("Facts")));
        assertThat(solved.isSuccess()).isTrue();
        return texts(solved.getVarValue("Facts"));
    }

    private static List<String> texts(Term list) {
        List<String> texts = new ArrayList<>();
        ((Struct) list.getTerm()).listIterator().forEachRemaining(t -> texts.add(t.getTerm().toString()));
        return texts;
    }

    private static Struct matched(Term rule, String fact) {
        return new Struct("matched", rule, new Struct(fact));
    }

    private static Struct list(Term... elements) {
        return new Struct(elements);
    }
}
