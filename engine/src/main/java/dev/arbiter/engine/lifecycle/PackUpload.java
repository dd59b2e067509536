package dev.arbiter.engine.lifecycle;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a risk officer uploads: some or all files of a rule pack ({@code .drl} rules, {@code .yaml} rule tests,
 * {@code limits.json}, {@code parameters.json}), by their path inside the pack. Each file replaces the active
 * release's file of the same path or is added; a file uploaded with empty content is removed. Every other file
 * is taken from the active release, so changing one limit and the test that pins it is a two-file upload.
 */
public record PackUpload(String author, String note, Map<String, String> files) {

    public PackUpload {
        if (author == null || author.isBlank()) {
            throw new LifecycleException(LifecycleException.Code.INVALID_UPLOAD, "author: '" + author
                    + "' is not accepted; expected the uploading risk officer's user name");
        }
        note = note == null ? "" : note;
        if (files == null || files.isEmpty()) {
            throw new LifecycleException(LifecycleException.Code.INVALID_UPLOAD,
                    "files: {} is not accepted; expected at least one of *.drl, limits.json, parameters.json, *.yaml");
        }
        files = new TreeMap<>(files);
        for (var file : files.entrySet()) {
            String path = file.getKey();
            if (file.getValue() == null) {
                throw new LifecycleException(LifecycleException.Code.INVALID_UPLOAD, "files['" + path
                        + "']: null is not accepted; expected the file's content, or \"\" to remove it");
            }
            boolean known = path.endsWith(".drl") || path.endsWith(".yaml") || path.equals("limits.json")
                    || path.equals("parameters.json");
            if (!known || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new LifecycleException(LifecycleException.Code.INVALID_UPLOAD, "files['" + path
                        + "']: not accepted; expected a relative path inside the pack ending in .drl or .yaml, "
                        + "or limits.json or parameters.json");
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
