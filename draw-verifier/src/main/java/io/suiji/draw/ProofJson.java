package io.suiji.draw;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
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

    /**
     * Streams the proof: a tree of one node per selection cost a large transient heap for big draws.
     * Published proofs are compared byte for byte, so the layout is exactly the one the tree-based
     * writer produced (ProofJsonStreamingTest keeps that writer as the reference): same field order,
     * Jackson's default pretty printer, one trailing newline.
     */
    static String write(DrawProof p) {
        StringWriter out = new StringWriter(estimatedLength(p));
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            writeProof(g, p);
        } catch (IOException e) { // a StringWriter does not fail: only a Jackson bug gets here
            throw new IllegalStateException(e);
        }
        out.write('\n');
        return out.toString();
    }

    /**
     * Roughly what a pretty-printed selection (~160 chars) and group take, so the buffer seldom has to
     * grow and copy; capped so a mis-estimate never reserves more than 64 M chars up front.
     */
    private static int estimatedLength(DrawProof p) {
        long estimate = 2048 + 192L * p.selection().size() + 512L * p.inspectorGroups().size();
        return (int) Math.min(estimate, 1 << 26);
    }

    private static void writeProof(JsonGenerator g, DrawProof p) throws IOException {
        g.writeStartObject();
        g.writeStringField("algorithm", p.algorithm());
        g.writeNumberField("version", p.version());
        // Absent, not null, when the draw has no id: earlier proofs never carried "drawId" : null.
        if (p.drawId() != null) {
            g.writeStringField("drawId", p.drawId());
        }
        writeParameters(g, p.parameters());
        writePopulation(g, p);
        writeStrata(g, p.strata());
        // Only RFC 3797 proofs have sources; the others leave the field out rather than writing null.
        if (p.sources() != null) {
            writeSources(g, p.sources());
        }
        g.writeStringField("commitment", p.commitment());
        g.writeStringField("secret", p.secret());
        g.writeStringField("witnessEntropy", p.witnessEntropy());
        g.writeStringField("seed", p.seed());
        g.writeStringField("inclusionProbabilities", p.inclusionProbabilities());
        writeSelection(g, p.selection());
        g.writeStringField("selectionDigest", p.selectionDigest());
        writeInspectorGroups(g, p.inspectorGroups());
        // Written as null without group rules (not left out), as the tree writer did.
        if (p.inspectorGroupsDigest() == null) {
            g.writeNullField("inspectorGroupsDigest");
        } else {
            g.writeStringField("inspectorGroupsDigest", p.inspectorGroupsDigest());
        }
        writeStrings(g, "batchOrder", p.batchOrder());
        g.writeEndObject();
    }

    private static void writeParameters(JsonGenerator g, DrawParameters params) throws IOException {
        g.writeObjectFieldStart("parameters");
        g.writeStringField("mode", params.mode().label());
        g.writeNumberField("minimumCount", params.minimumCount());
        // control and groupRules are written as null, not left out, as the tree writer did.
        if (params.control() == null) {
            g.writeNullField("control");
        } else {
            g.writeObjectFieldStart("control");
            writeStrings(g, "strata", params.control().strata());
            g.writeNumberField("count", params.control().count());
            g.writeEndObject();
        }
        if (params.groupRules() == null) {
            g.writeNullField("groupRules");
        } else {
            writeGroupRules(g, params.groupRules());
        }
        writeStrings(g, "batches", params.batches());
        g.writeEndObject();
    }

    private static void writeGroupRules(JsonGenerator g, GroupRules rules) throws IOException {
        g.writeObjectFieldStart("groupRules");
        g.writeNumberField("groupSize", rules.groupSize());
        g.writeNumberField("workloadCap", rules.workloadCap());
        // Inspector ids in byte order (GroupRules keeps them sorted), so the document is canonical.
        g.writeObjectFieldStart("priorWorkload");
        for (Map.Entry<String, Integer> e : rules.priorWorkload().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue().intValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writePopulation(JsonGenerator g, DrawProof p) throws IOException {
        g.writeObjectFieldStart("population");
        g.writeNumberField("size", p.populationSize());
        g.writeStringField("digest", p.populationDigest());
        g.writeEndObject();
    }

    private static void writeStrata(JsonGenerator g, List<StratumPlan> strata) throws IOException {
        g.writeArrayFieldStart("strata");
        for (StratumPlan s : strata) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeNumberField("population", s.population());
            // A string in plain notation: the committed decimal exactly as given (never 1E-10, never a double).
            g.writeStringField("ratio", s.ratio().toPlainString());
            g.writeNumberField("sample", s.sample());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSources(JsonGenerator g, List<List<Long>> sources) throws IOException {
        g.writeArrayFieldStart("sources");
        for (List<Long> source : sources) {
            g.writeStartArray();
            for (Long value : source) {
                g.writeNumber(value.longValue());
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void writeSelection(JsonGenerator g, List<Selection> selection) throws IOException {
        g.writeArrayFieldStart("selection");
        for (Selection s : selection) {
            g.writeStartObject();
            g.writeNumberField("ordinal", s.ordinal());
            g.writeStringField("id", s.id());
            g.writeStringField("stratum", s.stratum());
            // The double overload, as the tree's DoubleNode used: its shortest round-trip digits are published.
            g.writeNumberField("inclusionProbability", s.inclusionProbability());
            g.writeBooleanField("control", s.control());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeInspectorGroups(JsonGenerator g, List<InspectorGroup> groups) throws IOException {
        // Always an array, empty without group rules, as before.
        g.writeArrayFieldStart("inspectorGroups");
        for (InspectorGroup group : groups) {
            g.writeStartObject();
            g.writeNumberField("ordinal", group.ordinal());
            g.writeStringField("targetId", group.targetId());
            writeStrings(g, "eligible", group.eligible());
            writeStrings(g, "inspectors", group.inspectors());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeStrings(JsonGenerator g, String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
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
