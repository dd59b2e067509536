package dev.arbiter.engine.lifecycle;

import dev.arbiter.rules.pack.PackFiles;
import dev.arbiter.rules.pack.RuleSet;
import java.util.Map;
import java.util.TreeMap;

/** Every file of the rule pack shipped with the engine, by its path in the pack: the release a fresh store starts from. */
public final class ShippedPack {

    private ShippedPack() {
    }

    public static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        for (String suffix : new String[] {".drl", ".yaml", ".json"}) {
            files.putAll(PackFiles.fromClassPath(RuleSet.DEFAULT_RESOURCE, suffix));
        }
        return files;
    }
}
