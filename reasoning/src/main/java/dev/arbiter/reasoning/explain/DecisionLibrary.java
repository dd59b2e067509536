package dev.arbiter.reasoning.explain;

import alice.tuprolog.Library;
import alice.tuprolog.Struct;
import alice.tuprolog.Term;
import java.io.Serial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tuProlog library an explainer's engine loads: it carries the shipped theory (library clauses
 * cannot be retracted by a query) and four primitives written in Java.
 * <ul>
 *   <li>{@code decision_facts(+Functor, -Facts)}: the facts of that functor of the decision being
 *       explained, as a list of terms built in Java. Facts never pass through the Prolog parser, so any
 *       text, quotes, backslashes and line breaks included, arrives exactly as given.</li>
 *   <li>{@code decision_facts(+Functor, +Key, -Facts)}: those of them whose first argument is the atom
 *       {@code Key}. The theory reads a proposal's or a rule's facts through it; searching them among all the
 *       decision's facts with {@code member/2} was most of an explanation's resolution steps.</li>
 *   <li>{@code decimal_compare(?Order, +A, +B)}: compares two exact decimals written as atoms
 *       ({@code '7.50'}), giving {@code less}, {@code equal} or {@code greater}. tuProlog's own numbers
 *       are doubles, which cannot tell 0.1 + 0.2 from 0.3.</li>
 *   <li>{@code text_concat(+Parts, -Text)}: joins a list of atoms and numbers into one atom. Sentences
 *       quote long rule messages and matched facts; building them with {@code atom_concat/3}, which
 *       tuProlog implements through character lists, cost most of a decision's time.</li>
 * </ul>
 *
 * <p>tuProlog finds primitives by reflection and calls them from its own package, so the library is a
 * public class nested in this package-private one: callable by tuProlog, invisible to Arbiter's other
 * modules.
 */
final class DecisionLibrary {

    private DecisionLibrary() {
    }

    /** The library itself: the theory and the primitives. */
    public static final class Loaded extends Library {

        @Serial
        private static final long serialVersionUID = 1L;

        private static final Struct NO_FACTS = new Struct();

        private final String theory;
        /** The facts of the decision being explained; set by the explainer under its lock. */
        private transient Map<String, Struct> factsByFunctor = Map.of();
        /** Those facts by functor and first argument, built for a functor when first asked for. */
        private transient Map<String, Map<String, Struct>> factsByKey = new HashMap<>();

        Loaded(String theory) {
            this.theory = Objects.requireNonNull(theory, "theory");
        }

        @Override
        public String getName() {
            return "dev.arbiter.reasoning.explain";
        }

        @Override
        public String getTheory() {
            return theory;
        }

        void serve(Map<String, Struct> factsByFunctor) {
            this.factsByFunctor = Map.copyOf(factsByFunctor);
            this.factsByKey = new HashMap<>();
        }

        /** {@code decision_facts(+Functor, -Facts)}. */
        public boolean decision_facts_2(Term functor, Term facts) {
            if (!(functor.getTerm() instanceof Struct name) || !name.isAtom()) {
                return false;
            }
            return unify(facts, factsByFunctor.getOrDefault(name.getName(), NO_FACTS));
        }

        /** {@code decision_facts(+Functor, +Key, -Facts)}: the facts whose first argument is the atom Key. */
        public boolean decision_facts_3(Term functor, Term key, Term facts) {
            if (!(functor.getTerm() instanceof Struct name) || !name.isAtom()
                    || !(key.getTerm() instanceof Struct wanted) || !wanted.isAtom()) {
                return false;
            }
            Map<String, Struct> byKey = factsByKey.computeIfAbsent(name.getName(),
                    f -> byFirstArgument(factsByFunctor.getOrDefault(f, NO_FACTS)));
            return unify(facts, byKey.getOrDefault(wanted.getName(), NO_FACTS));
        }

        /** The facts of a list grouped by their first argument, where it is an atom, each group in the list's order. */
        private static Map<String, Struct> byFirstArgument(Struct facts) {
            Map<String, List<Term>> groups = new HashMap<>();
            Iterator<? extends Term> each = facts.listIterator();
            while (each.hasNext()) {
                Term fact = each.next().getTerm();
                // a fact whose first argument is no atom cannot unify with an atom key
                if (fact instanceof Struct struct && struct.getArity() > 0
                        && struct.getArg(0).getTerm() instanceof Struct first && first.isAtom()) {
                    groups.computeIfAbsent(first.getName(), k -> new ArrayList<>()).add(fact);
                }
            }
            Map<String, Struct> lists = new HashMap<>(groups.size() * 2);
            groups.forEach((key, group) -> lists.put(key, new Struct(group.toArray(Term[]::new))));
            return lists;
        }

        /** {@code decimal_compare(?Order, +A, +B)}: fails unless both A and B are decimals. */
        public boolean decimal_compare_3(Term order, Term left, Term right) {
            BigDecimal a = decimal(left.getTerm());
            BigDecimal b = decimal(right.getTerm());
            if (a == null || b == null) {
                return false;
            }
            int comparison = a.compareTo(b);
            return unify(order, new Struct(comparison < 0 ? "less" : comparison == 0 ? "equal" : "greater"));
        }

        /** {@code text_concat(+Parts, -Text)}: fails unless Parts is a list of atoms and numbers. */
        public boolean text_concat_2(Term parts, Term text) {
            if (!(parts.getTerm() instanceof Struct list) || !list.isList()) {
                return false;
            }
            StringBuilder joined = new StringBuilder();
            Iterator<? extends Term> each = list.listIterator();
            while (each.hasNext()) {
                Term part = each.next().getTerm();
                if (part instanceof Struct atom && atom.isAtom()) {
                    joined.append(atom.getName());
                } else if (part instanceof alice.tuprolog.Number number) {
                    joined.append(number);
                } else {
                    return false;
                }
            }
            return unify(text, new Struct(joined.toString()));
        }

        private static BigDecimal decimal(Term term) {
            String text;
            if (term instanceof Struct atom && atom.isAtom()) {
                text = atom.getName();
            } else if (term instanceof alice.tuprolog.Number number) {
                text = number.toString();
            } else {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException notADecimal) {
                return null;
            }
        }
    }
}
