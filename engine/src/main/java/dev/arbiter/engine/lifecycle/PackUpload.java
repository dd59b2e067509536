package dev.arbiter.engine.lifecycle;

import dev.arbiter.rules.pack.InstrumentSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a risk officer uploads: some or all files of a rule pack ({@code .drl} rules, {@code .yaml} rule tests,
 * {@code limits.json}, {@code parameters.json}, {@code instruments.json}), by their path inside the pack. Each file replaces the active
 * release's file of the same path or is added; a file uploaded with empty content is removed. Every other file
 * is taken from the active release, so changing one limit and the test that pins it is a two-file upload.
 */
public record PackUpload(String author, String note, Map<String, String> files) {

    /** The pack's data files, each at the top of the pack, uploaded under exactly this name. */
    public static final List<String> PACK_FILES = List.of("limits.json", "parameters.json", InstrumentSet.FILE);

    public PackUpload {
        if (author == null || author.isBlank()) {
            throw new LifecycleException(LifecycleException.Code.INVALID_UPLOAD, "author: '" + author
                    + "' is not accepted; expected the uploading risk officer's user name");
        }
        note = note == null ? "" : note;
        if (files == null || files.isEmpty()) {
            throw new LifecycleException(LifecycleException.Code.INVALID_UPLOAD,
                    "files: {} is not accepted; expected at least one of *.drl, limits.json, parameters.json, instruments.json, *.yaml");
        }
        files = new TreeMap<>(files);
        for (var file : files.entrySet()) {
            String path = file.getKey();
            if (file.getValue() == null) {
                throw new LifecycleException(LifecycleException.Code.INVALID_UPLOAD, "files['" + path
                        + "']: null is not accepted; expected the file's content, or \"\" to remove it");
            }
            boolean known = path.endsWith(".drl") || path.endsWith(".yaml") || PACK_FILES.contains(path);
            if (!known || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new LifecycleException(LifecycleException.Code.INVALID_UPLOAD, "files['" + path
                        + "']: not accepted; expected a relative path inside the pack ending in .drl or .yaml, "
                        + "or one of " + PACK_FILES);
            }
        }
    }

    /** The active pack with this upload applied. */
    Map<String, String> applyTo(Map<String, String> activePack) {
        Map<String, String> pack = new TreeMap<>(activePack);
        files.forEach((path, content) -> {
            if (content.isEmpty()) {
                pack.remove(path);
            } else {
                pack.put(path, content);
            }
        });
        return pack;
    }
}
