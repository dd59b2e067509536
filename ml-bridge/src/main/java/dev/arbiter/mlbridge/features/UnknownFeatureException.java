package dev.arbiter.mlbridge.features;

/** A feature name that is not in the catalogue or whose parameters are not accepted. */
public final class UnknownFeatureException extends IllegalArgumentException {

    public UnknownFeatureException(String name, String accepted) {
        super("feature '" + name + "' is not accepted; expected " + accepted);
    }
}
