package dev.arbiter.mlbridge.model;

import java.util.List;
import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;

/** A Smile tree ensemble (gradient-boosted trees or a random forest) over named double features. */
final class TreeModel implements ProbabilityModel {

    private static final long serialVersionUID = 1L;

    private final DataFrameClassifier classifier;
    private final StructType schema;

    TreeModel(DataFrameClassifier classifier, List<String> features) {
        this.classifier = classifier;
        this.schema = DataFrame.of(new double[1][features.size()], features.toArray(String[]::new)).schema();
    }

    @Override
    public double probabilityUp(double[] features) {
        double[] posteriori = new double[2];
        classifier.predict(Tuple.of(schema, features), posteriori);
        return posteriori[1];
    }
}
