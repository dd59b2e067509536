package dev.arbiter.scenarios.report;

import dev.arbiter.mlbridge.model.Metrics;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.scenarios.model.ModelOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's model section: each model a run trained (name, version, algorithm, training window, samples,
 * data hash) with its in-sample and out-of-sample accuracy and log-loss.
 */
public final class ModelSection {

    private static final String HEADER = "| symbol | model | algorithm | horizon | trained on (sample close times) | samples | "
            + "data SHA-256 | in-sample accuracy | in-sample log-loss | walk-forward accuracy (training data) | "
            + "out-of-sample predictions | out-of-sample accuracy | out-of-sample log-loss |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    private ModelSection() {
    }

    public static String markdown(List<ModelOutcome> outcomes) {
        StringBuilder md = new StringBuilder(HEADER);
        for (ModelOutcome o : outcomes) {
            ModelMetadata m = o.model().metadata();
            Metrics in = o.model().inSample();
            Metrics out = o.outOfSample();
            md.append(String.format(Locale.ROOT, "| %s | %s@%s | %s | %d | %s .. %s | %d | %s | %.3f | %.4f | %.3f | %d | %.3f | %.4f |%n",
                    o.model().symbol(), m.name(), m.version(), m.algorithm(), m.horizon(), m.trainedFrom(), m.trainedTo(),
                    m.trainingSamples(), m.dataSha256().substring(0, 12), in.accuracy(), in.logLoss(), m.walkForward().accuracy(),
                    out.samples(), out.accuracy(), out.logLoss()));
        }
        return md.toString();
    }

    static String html(List<ModelOutcome> outcomes) {
        StringBuilder html = new StringBuilder("<h2>Models</h2><p>Trained on bars before the first decision only; "
                + "out of sample = the predictions that entered this run's decisions, against the realised sign of "
                + "the close horizon bars later.</p><table><tr>");
        for (String column : HEADER.lines().findFirst().orElseThrow().split("\\|")) {
            if (!column.isBlank()) {
                html.append("<th>").append(SvgCharts.escape(column.trim())).append("</th>");
            }
        }
        html.append("</tr>");
        for (String row : markdown(outcomes).lines().skip(2).toList()) {
            html.append("<tr>");
            for (String cell : row.substring(1, row.length() - 1).split("\\|")) {
                html.append("<td>").append(SvgCharts.escape(cell.trim())).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    static List<Map<String, Object>> json(List<ModelOutcome> outcomes) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelOutcome o : outcomes) {
            ModelMetadata m = o.model().metadata();
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("symbol", o.model().symbol());
            model.put("name", m.name());
            model.put("version", m.version());
            model.put("algorithm", m.algorithm());
            model.put("horizon", m.horizon());
            model.put("trainedFrom", m.trainedFrom().toString());
            model.put("trainedTo", m.trainedTo().toString());
            model.put("trainingSamples", m.trainingSamples());
            model.put("dataSha256", m.dataSha256());
            model.put("modelSha256", m.modelSha256());
            model.put("inSample", o.model().inSample());
            model.put("walkForwardOnTrainingData", m.walkForward());
            model.put("outOfSample", o.outOfSample());
            models.add(model);
        }
        return models;
    }
}
