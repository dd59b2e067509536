package dev.arbiter.mlbridge.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.RegressionNode;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/** A Smile tree ensemble (gradient-boosted trees or a random forest) over named double features. */
final class TreeModel implements ProbabilityModel {

    private static final long serialVersionUID = 1L;

    private final DataFrameClassifier classifier;
    private final StructType schema;
    /** The boosting's learning rate; 0 for a forest, and in models registered before attributions. */
    private final double shrinkage;

    TreeModel(DataFrameClassifier classifier, List<String> features, double shrinkage) {
        this.classifier = classifier;
        this.schema = DataFrame.of(new double[1][features.size()], features.toArray(String[]::new)).schema();
        this.shrinkage = shrinkage;
    }

    @Override
    public double probabilityUp(double[] features) {
        double[] posteriori = new double[2];
        classifier.predict(Tuple.of(schema, features), posteriori);
        return posteriori[1];
    }

    /**
     * TreeSHAP for gradient-boosted trees. Smile's binary boosting scores {@code y = b + shrinkage * sum_t tree_t(x)}
     * and gives an up move {@code 1 / (1 + exp(-2y))}, so the log-odds are {@code 2y}: each tree's SHAP values
     * (which sum to its output less its expected output) are scaled by {@code 2 * shrinkage}, and the base is
     * {@code 2 (b + shrinkage * sum_t E[tree_t])}, the expectation taken over the tree's training samples. Smile
     * keeps {@code b} to itself; it is what the score leaves when the trees' part is taken out. Forests: none yet.
     */
    @Override
    public Optional<Attribution> attribution(double[] features, List<String> names) {
        if (!(classifier instanceof GradientTreeBoost boosting) || shrinkage <= 0 || boosting.trees().length != 1) {
            return Optional.empty();
        }
        Tuple x = boosting.formula().x(Tuple.of(schema, features));
        double treesOutput = 0;
        double treesExpected = 0;
        double[] shap = new double[features.length];
        for (RegressionTree tree : boosting.trees()[0]) {
            treesOutput += tree.predict(x);
            treesExpected += expected(tree.root());
            double[] values = tree.shap(x);
            for (int j = 0; j < shap.length; j++) {
                shap[j] += values[j];
            }
        }
        double output = Attribution.logOdds(probabilityUp(features));
        double intercept = output / 2 - shrinkage * treesOutput;
        List<Attribution.Contribution> contributions = new ArrayList<>(shap.length);
        for (int j = 0; j < shap.length; j++) {
            contributions.add(new Attribution.Contribution(names.get(j), features[j], 2 * shrinkage * shap[j]));
        }
        return Optional.of(new Attribution(2 * (intercept + shrinkage * treesExpected), output, contributions));
    }

    /** A tree's output averaged over the samples it was grown on (each leaf weighted by its sample count). */
    private static double expected(Node node) {
        if (node instanceof InternalNode split) {
            Node yes = split.trueChild();
            Node no = split.falseChild();
            return (expected(yes) * yes.size() + expected(no) * no.size()) / (yes.size() + no.size());
        }
        return ((RegressionNode) node).output();
    }
}
