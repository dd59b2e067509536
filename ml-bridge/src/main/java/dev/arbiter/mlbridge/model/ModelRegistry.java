package dev.arbiter.mlbridge.model;

import dev.arbiter.mlbridge.predict.ModelId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versioned model artifacts on disk: {@code <root>/<name>/<version>/model.bin} (the serialized
 * model) and {@code metadata.json} ({@link ModelMetadata}). A version, once written, is never
 * overwritten. Loading checks the model file's SHA-256 against the metadata and deserializes only
 * Arbiter's and Smile's model classes, so a swapped or foreign file is refused, not run.
 */
public final class ModelRegistry {

    static final String MODEL_FILE = "model.bin";
    static final String METADATA_FILE = "metadata.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectInputFilter ONLY_MODELS = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;dev.arbiter.mlbridge.model.*;smile.**;java.lang.*;java.util.*;java.time.*;java.math.*;!*");

    private final Path root;

    public ModelRegistry(Path root) {
        this.root = root;
    }

    /** Writes a new version; fails if that name and version already exist. */
    public ModelMetadata register(ModelMetadata metadata, ProbabilityModel model) throws IOException {
        ModelId id = new ModelId(metadata.name(), metadata.version());
        Path dir = root.resolve(id.name()).resolve(id.version());
        if (Files.exists(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "model " + id + " is already registered; versions are immutable");
        }
        byte[] bytes = serialize(model);
        ModelMetadata stored = metadata.withModelSha256(sha256(bytes));
        Path staging = Files.createDirectories(root.resolve(id.name())).resolve("." + id.version() + ".staging");
        Files.createDirectories(staging);
        Files.write(staging.resolve(MODEL_FILE), bytes);
        JSON.writeValue(staging.resolve(METADATA_FILE).toFile(), stored);
        Files.move(staging, dir);
        return stored;
    }

    /** Loads a model by name and version. */
    public RegisteredModel load(String name, String version) throws IOException {
        ModelId id = new ModelId(name, version);
        Path dir = root.resolve(id.name()).resolve(id.version());
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "model " + id + " is not registered; versions of " + name
                    + ": " + versions(name));
        }
        ModelMetadata metadata = JSON.readValue(dir.resolve(METADATA_FILE).toFile(), ModelMetadata.class);
        byte[] bytes = Files.readAllBytes(dir.resolve(MODEL_FILE));
        String actual = sha256(bytes);
        if (!actual.equals(metadata.modelSha256())) {
            throw new IOException("model " + id + ": " + MODEL_FILE + " has SHA-256 " + actual + ", not the registered "
                    + metadata.modelSha256() + "; refusing to load a changed artifact");
        }
        return new RegisteredModel(metadata, deserialize(bytes, id));
    }

    /** The registered versions of {@code name}, sorted. */
    public List<String> versions(String name) throws IOException {
        Path dir = root.resolve(ModelId.requireName("model", name));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.exists(p.resolve(METADATA_FILE))).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] serialize(ProbabilityModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ProbabilityModel deserialize(byte[] bytes, ModelId id) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_MODELS);
            return (ProbabilityModel) in.readObject();
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            throw new IOException("model " + id + ": " + MODEL_FILE + " is not an Arbiter model (" + e.getMessage() + ")", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
