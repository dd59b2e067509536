package dev.arbiter.reasoning.kb;

import alice.tuprolog.Number;
import alice.tuprolog.Struct;
import alice.tuprolog.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A derivation chain of {@code derive.pl} in words, e.g. "FTT-USD trades ftt, issued by FTX Trading
 * Ltd; FTX Trading Ltd is restricted since 2022-11-11: Chapter 11 bankruptcy filing".
 */
final class ChainText {

    private ChainText() {
    }

    static String of(Term chain) {
        List<String> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (!(chain.getTerm() instanceof Struct list) || !list.isList()) {
            return chain.toString();
        }
        for (Iterator<? extends Term> links = list.listIterator(); links.hasNext(); ) {
            Term link = links.next().getTerm();
            if (!(link instanceof Struct step)) {
                continue;
            }
            switch (step.getName() + "/" + step.getArity()) {
                case "asset/2" -> text.append(name(step, 0)).append(" trades ").append(name(step, 1));
                case "issued_by/2" -> text.append(", issued by ").append(name(step, 1));
                case "controlled_by/3" -> text.append(", a subsidiary of ").append(name(step, 1))
                        .append(" (owns ").append(percent(step.getArg(2))).append(")");
                case "restricted/3" -> {
                    parts.add(text.toString());
                    text.setLength(0);
                    text.append(name(step, 0)).append(" is restricted since ").append(name(step, 1))
                            .append(": ").append(name(step, 2));
                }
                case "sanctioned/3" -> text.append("venue ").append(name(step, 0)).append(" is sanctioned since ")
                        .append(name(step, 1)).append(": ").append(name(step, 2));
                case "venue/2" -> text.append("venue ").append(name(step, 0)).append(" operates from ")
                        .append(name(step, 1));
                case "restricted_jurisdiction/3" -> text.append(", restricted since ").append(name(step, 1))
                        .append(": ").append(name(step, 2));
                default -> text.append(text.isEmpty() ? "" : ", ").append(step);
            }
        }
        parts.add(text.toString());
        return String.join("; ", parts.stream().filter(p -> !p.isBlank()).toList());
    }

    private static String name(Struct step, int arg) {
        Term term = step.getArg(arg).getTerm();
        return term instanceof Struct atom && atom.isAtom() ? atom.getName() : term.toString();
    }

    private static String percent(Term share) {
        if (share.getTerm() instanceof Number number) {
            return BigDecimal.valueOf(number.doubleValue()).movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                    .toPlainString() + "%";
        }
        return share.toString();
    }
}
