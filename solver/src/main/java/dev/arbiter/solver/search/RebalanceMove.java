package dev.arbiter.solver.search;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.LotAllocation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resizes one order to a target number of lots and the other orders to make that fit the
 * gross-exposure budget: every change is computed when the move is made (see
 * {@link RebalanceMoveListFactory}), applied here as plain variable changes. Timefold undoes it
 * automatically.
 */
final class RebalanceMove extends AbstractMove<AllocationPlan> {

    private static final String LOTS = "lots";

    private final LotAllocation resized;
    private final List<LotAllocation> entities;
    private final List<Integer> newLots;

    /**
     * @param resized  the order whose target size defines the move
     * @param entities every order the move changes, {@code resized} included
     * @param newLots  their new lots, index for index
     */
    RebalanceMove(LotAllocation resized, List<LotAllocation> entities, List<Integer> newLots) {
        if (entities.size() != newLots.size() || entities.isEmpty()) {
            throw new IllegalArgumentException("entities (" + entities.size() + ") and newLots (" + newLots.size()
                    + ") must be non-empty and of the same size");
        }
        this.resized = Objects.requireNonNull(resized, "resized");
        this.entities = List.copyOf(entities);
        this.newLots = List.copyOf(newLots);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<AllocationPlan> scoreDirector) {
        for (int i = 0; i < entities.size(); i++) {
            if (!newLots.get(i).equals(entities.get(i).getLots())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<AllocationPlan> scoreDirector) {
        for (int i = 0; i < entities.size(); i++) {
            LotAllocation entity = entities.get(i);
            scoreDirector.beforeVariableChanged(entity, LOTS);
            entity.setLots(newLots.get(i));
            scoreDirector.afterVariableChanged(entity, LOTS);
        }
    }

    /**
     * Only the resized order: it is what the move is about (the others follow from it), so entity tabu
     * makes that order, not every order it touched, tabu for the next steps.
     */
    @Override
    public Collection<?> getPlanningEntities() {
        return List.of(resized);
    }

    @Override
    public Collection<?> getPlanningValues() {
        return List.of(newLots.get(entities.indexOf(resized)));
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RebalanceMove(" + LotAllocation.class.getSimpleName() + "." + LOTS + ")";
    }

    /** The new lots the move sets, by proposal id, in the order the move applies them. */
    Map<String, Integer> newLotsByProposalId() {
        Map<String, Integer> proposalIdToLots = new LinkedHashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            proposalIdToLots.put(entities.get(i).getProposalId(), newLots.get(i));
        }
        return proposalIdToLots;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RebalanceMove move && entities.equals(move.entities) && newLots.equals(move.newLots);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entities, newLots);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("rebalance around ").append(resized.getProposalId()).append(':');
        for (int i = 0; i < entities.size(); i++) {
            text.append(' ').append(entities.get(i).getProposalId()).append(' ')
                    .append(entities.get(i).getLots()).append("->").append(newLots.get(i));
        }
        return text.toString();
    }
}
