package io.suiji.draw;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The JSON form of a {@link DrawProof}, written field by field so the layout is stable. */
final class ProofJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ProofJson() {
    }

    static String write(DrawProof p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("algorithm", p.algorithm());
        root.put("version", p.version());
        if (p.drawId() != null) {
            root.put("drawId", p.drawId());
        }
        DrawParameters params = p.parameters();
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("mode", params.mode().label());
        parameters.put("minimumCount", params.minimumCount());
        if (params.control() == null) {
            parameters.putNull("control");
        } else {
            ObjectNode control = parameters.putObject("control");
            params.control().strata().forEach(control.putArray("strata")::add);
            control.put("count", params.control().count());
        }
        if (params.groupRules() == null) {
            parameters.putNull("groupRules");
        } else {
            ObjectNode rules = parameters.putObject("groupRules");
            rules.put("groupSize", params.groupRules().groupSize());
            rules.put("workloadCap", params.groupRules().workloadCap());
            ObjectNode prior = rules.putObject("priorWorkload");
            params.groupRules().priorWorkload().forEach(prior::put);
        }
        params.batches().forEach(parameters.putArray("batches")::add);
        ObjectNode population = root.putObject("population");
        population.put("size", p.populationSize());
        population.put("digest", p.populationDigest());
        ArrayNode strata = root.putArray("strata");
        for (StratumPlan s : p.strata()) {
            ObjectNode o = strata.addObject();
            o.put("name", s.name());
            o.put("population", s.population());
            o.put("ratio", s.ratio().toPlainString());
            o.put("sample", s.sample());
        }
        if (p.sources() != null) {
            ArrayNode sources = root.putArray("sources");
            p.sources().forEach(source -> source.forEach(sources.addArray()::add));
        }
        root.put("commitment", p.commitment());
        root.put("secret", p.secret());
        root.put("witnessEntropy", p.witnessEntropy());
        root.put("seed", p.seed());
        root.put("inclusionProbabilities", p.inclusionProbabilities());
        ArrayNode selection = root.putArray("selection");
        for (Selection s : p.selection()) {
            ObjectNode o = selection.addObject();
            o.put("ordinal", s.ordinal());
            o.put("id", s.id());
            o.put("stratum", s.stratum());
            o.put("inclusionProbability", s.inclusionProbability());
            o.put("control", s.control());
        }
        root.put("selectionDigest", p.selectionDigest());
        ArrayNode groups = root.putArray("inspectorGroups");
        for (InspectorGroup g : p.inspectorGroups()) {
            ObjectNode o = groups.addObject();
            o.put("ordinal", g.ordinal());
            o.put("targetId", g.targetId());
            g.eligible().forEach(o.putArray("eligible")::add);
            g.inspectors().forEach(o.putArray("inspectors")::add);
        }
        if (p.inspectorGroupsDigest() == null) {
            root.putNull("inspectorGroupsDigest");
        } else {
            root.put("inspectorGroupsDigest", p.inspectorGroupsDigest());
        }
        p.batchOrder().forEach(root.putArray("batchOrder")::add);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static DrawProof read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProofFormatException("proof is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ProofFormatException("proof is not a JSON object");
        }
        try {
            return readProof(root);
        } catch (IllegalArgumentException e) {
            throw new ProofFormatException("proof: " + e.getMessage(), e);
        }
    }

    /** §15 step 4: the label must be the mode's; proofs of the superseded approximation are named as such. */
    private static void checkProbabilityLabel(String label, SamplingMode mode) {
        String expected = mode == SamplingMode.UNIFORM ? DrawProof.EXACT : DrawProof.RANK_CONDITIONED;
        if (label.equals(expected)) {
            return;
        }
        if (mode == SamplingMode.WEIGHTED && label.equals(DrawProof.APPROXIMATE)) {
            throw new ProofFormatException("proof: inclusionProbabilities is \"approximate\" (k·w/Σw, recorded by "
                + "versions before 2026-11-27); this verifier recomputes the rank-conditioned probabilities of §9 only");
        }
        throw new ProofFormatException("proof: inclusionProbabilities is \"" + label + "\"; a " + mode.label()
            + " draw records \"" + expected + "\"");
    }

    private static DrawProof readProof(JsonNode root) {
        JsonNode params = object(root, "parameters");
        ControlSample control = null;
        JsonNode c = params.get("control");
        if (c != null && !c.isNull()) {
            TreeSet<String> strata = new TreeSet<>(Population.BYTE_ORDER);
            strata.addAll(strings(c, "strata", "parameters.control"));
            control = new ControlSample(strata, (int) integer(c, "count", "parameters.control"));
        }
        GroupRules rules = null;
        JsonNode r = params.get("groupRules");
        if (r != null && !r.isNull()) {
            Map<String, Integer> prior = new LinkedHashMap<>();
            JsonNode p = r.get("priorWorkload");
            if (p != null && !p.isNull()) {
                if (!p.isObject()) {
                    throw new ProofFormatException("proof: parameters.groupRules.priorWorkload must be an object");
                }
                for (Map.Entry<String, JsonNode> f : p.properties()) {
                    if (!f.getValue().canConvertToInt() || !f.getValue().isIntegralNumber()) {
                        throw new ProofFormatException("proof: priorWorkload of " + f.getKey() + " must be an integer");
                    }
                    prior.put(f.getKey(), f.getValue().intValue());
                }
            }
            rules = new GroupRules((int) integer(r, "groupSize", "parameters.groupRules"),
                (int) integer(r, "workloadCap", "parameters.groupRules"), prior);
        }
        JsonNode minimum = params.get("minimumCount");
        DrawParameters parameters = new DrawParameters(
            SamplingMode.fromLabel(text(params, "mode", "parameters")),
            minimum == null || minimum.isNull() ? 0 : integer(params, "minimumCount", "parameters"),
            control, rules, params.has("batches") ? strings(params, "batches", "parameters") : List.of());
        checkProbabilityLabel(text(root, "inclusionProbabilities", ""), parameters.mode());

        JsonNode population = object(root, "population");
        List<StratumPlan> strata = new ArrayList<>();
        int i = 0;
        for (JsonNode s : array(root, "strata")) {
            String at = "strata[" + i++ + "]";
            strata.add(new StratumPlan(text(s, "name", at), integer(s, "population", at), decimal(s, "ratio", at),
                (int) integer(s, "sample", at)));
        }
        List<Selection> selection = new ArrayList<>();
        i = 0;
        for (JsonNode s : array(root, "selection")) {
            String at = "selection[" + i++ + "]";
            JsonNode probability = s.get("inclusionProbability");
            if (probability == null || !probability.isNumber()) {
                throw new ProofFormatException("proof: " + at + ".inclusionProbability must be a number");
            }
            JsonNode ctl = s.get("control");
            selection.add(new Selection((int) integer(s, "ordinal", at), text(s, "id", at), text(s, "stratum", at),
                probability.doubleValue(), ctl != null && ctl.asBoolean(false)));
        }
        List<InspectorGroup> groups = new ArrayList<>();
        if (root.has("inspectorGroups") && !root.get("inspectorGroups").isNull()) {
            i = 0;
            for (JsonNode g : array(root, "inspectorGroups")) {
                String at = "inspectorGroups[" + i++ + "]";
                groups.add(new InspectorGroup((int) integer(g, "ordinal", at), text(g, "targetId", at),
                    strings(g, "eligible", at), strings(g, "inspectors", at)));
            }
        }
        JsonNode groupsDigest = root.get("inspectorGroupsDigest");
        JsonNode drawId = root.get("drawId");
        return new DrawProof(text(root, "algorithm", ""), (int) integer(root, "version", ""),
            drawId == null || drawId.isNull() ? null : drawId.asText(), parameters,
            integer(population, "size", "population"), text(population, "digest", "population"), strata,
            text(root, "commitment", ""), text(root, "secret", ""), text(root, "witnessEntropy", ""),
            text(root, "seed", ""), selection, text(root, "selectionDigest", ""), groups,
            groupsDigest == null || groupsDigest.isNull() ? null : groupsDigest.asText(),
            root.has("batchOrder") && !root.get("batchOrder").isNull() ? strings(root, "batchOrder", "") : List.of(),
            root.has("sources") && !root.get("sources").isNull() ? sources(root) : null);
    }

    /** RFC 3797 sources: an array of arrays of non-negative integers. */
    private static List<List<Long>> sources(JsonNode root) {
        List<List<Long>> sources = new ArrayList<>();
        int i = 0;
        for (JsonNode source : array(root, "sources")) {
            String at = "sources[" + i++ + "]";
            if (!source.isArray()) {
                throw new ProofFormatException("proof: " + at + " must be an array of non-negative integers");
            }
            List<Long> values = new ArrayList<>();
            for (JsonNode v : source) {
                if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                    throw new ProofFormatException("proof: " + at + " must be an array of non-negative integers");
                }
                values.add(v.longValue());
            }
            sources.add(values);
        }
        return sources;
    }

    private static String path(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private static JsonNode required(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ProofFormatException("proof: missing field " + path(at, field));
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = required(node, field, "");
        if (!value.isObject()) {
            throw new ProofFormatException("proof: " + field + " must be an object");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = required(node, field, "");
        if (!value.isArray()) {
            throw new ProofFormatException("proof: " + field + " must be an array");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isTextual()) {
            throw new ProofFormatException("proof: " + path(at, field) + " must be a string");
        }
        return value.asText();
    }

    private static long integer(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ProofFormatException("proof: " + path(at, field) + " must be an integer");
        }
        return value.longValue();
    }

    private static BigDecimal decimal(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new ProofFormatException("proof: " + path(at, field) + " must be a decimal like \"0.05\"");
        }
    }

    private static List<String> strings(JsonNode node, String field, String at) {
        JsonNode value = required(node, field, at);
        if (!value.isArray()) {
            throw new ProofFormatException("proof: " + path(at, field) + " must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode v : value) {
            if (!v.isTextual()) {
                throw new ProofFormatException("proof: " + path(at, field) + " must be an array of strings");
            }
            list.add(v.asText());
        }
        return list;
    }
}
