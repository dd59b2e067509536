package dev.arbiter.mlbridge.model;

/** What model monitoring concludes about a model version. */
public enum ModelHealthStatus { OK, DRIFTED, STALE }
