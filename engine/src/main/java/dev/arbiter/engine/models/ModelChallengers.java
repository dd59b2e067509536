package dev.arbiter.engine.models;

import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.shadow.Challenger;
import dev.arbiter.engine.shadow.ChallengerSource;
import dev.arbiter.kb.fact.OrderIntent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Model candidates in shadow as challengers: each decides every request that runs its slot (its symbol and purpose)
 * with itself in place of the slot's models in its role (a primary replaces the primaries, alone; a fallback the
 * fallback), and the intents that acted on the models it replaces act on it instead, so the comparison shows the
 * proposals each side would have made. The release is the champion's: only the model differs.
 */
public final class ModelChallengers implements ChallengerSource {

    private final ModelLifecycle lifecycle;

    public ModelChallengers(ModelLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    @Override
    public List<Challenger> challengers() {
        return lifecycle.inShadow().stream().<Challenger>map(ModelChallenger::new).toList();
    }

    @Override
    public Optional<String> describe(String challengerId) {
        return lifecycle.all().stream().map(ModelChallenger::new).filter(c -> c.id().equals(challengerId)).findFirst()
                .map(ModelChallenger::description);
    }

    /** One model candidate in shadow. */
    record ModelChallenger(ModelCandidate candidate) implements Challenger {

        @Override
        public String id() {
            return "model:" + candidate.id();
        }

        @Override
        public String kind() {
            return "model";
        }

        @Override
        public String description() {
            return "model " + candidate.model() + " " + candidate.version() + " as the " + candidate.role().name()
                    .toLowerCase(java.util.Locale.ROOT) + " for " + candidate.symbol() + " " + candidate.purpose()
                    + " (" + candidate.id() + ")";
        }

        @Override
        public boolean appliesTo(DecisionRequest championRequest) {
            return championRequest.models().stream().anyMatch(this::inSlot);
        }

        @Override
        public DecisionRequest request(DecisionRequest championRequest) {
            List<RequestedModel> runs = new ArrayList<>();
            Set<String> replaced = new LinkedHashSet<>();
            boolean placed = false;
            for (RequestedModel m : championRequest.models()) {
                if (inSlot(m) && m.role() == candidate.role()) {
                    replaced.add(m.model());
                    if (!placed) {
                        runs.add(candidate.requested());
                        placed = true;
                    }
                } else if (!(inSlot(m) && m.model().equals(candidate.model()))) {
                    runs.add(m);
                }
            }
            if (!placed) {
                runs.add(candidate.requested());
            }
            if (replaced.size() > 1) { // the slot's primaries were an ensemble: its combination is replaced too
                replaced.add(RequestedModel.ensembleOf(candidate.purpose()));
            }
            List<OrderIntent> intents = championRequest.intents().stream().map(i -> actingOnChallenger(i, replaced)).toList();
            return championRequest.withModels(runs, intents);
        }

        @Override
        public RuleRelease release(RuleRelease championRelease) {
            return championRelease;
        }

        private boolean inSlot(RequestedModel m) {
            return m.symbol().equals(candidate.symbol()) && m.purpose().equals(candidate.purpose());
        }

        /** The intent acting on the challenger where it acted on a model the challenger replaces. */
        private OrderIntent actingOnChallenger(OrderIntent intent, Set<String> replaced) {
            if (!intent.symbol().equals(candidate.symbol()) || intent.models().stream().noneMatch(replaced::contains)) {
                return intent;
            }
            Set<String> models = new java.util.TreeSet<>();
            intent.models().forEach(m -> models.add(replaced.contains(m) ? candidate.model() : m));
            return new OrderIntent(intent.intentId(), intent.accountId(), intent.symbol(), intent.side(),
                    intent.quantity(), intent.limitPrice(), intent.stopLoss(), intent.strategy(), intent.conviction(),
                    List.copyOf(models));
        }
    }
}
