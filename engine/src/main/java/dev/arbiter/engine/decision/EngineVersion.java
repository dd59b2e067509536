package dev.arbiter.engine.decision;

/** The engine's version, from the jar manifest; {@code dev} when run from classes (tests, IDE). */
final class EngineVersion {

    private EngineVersion() {
    }

    static String current() {
        String version = EngineVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
