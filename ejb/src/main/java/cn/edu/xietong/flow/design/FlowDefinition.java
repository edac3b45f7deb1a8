package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The nodes of a design in order, and whether a handler who already approved the instance is skipped when a later
 * node comes to them again. The path of an instance is the nodes whose conditions hold on its form.
 */
public record FlowDefinition(List<NodeSpec> nodes, boolean skipRepeatedApprover) {

    public FlowDefinition {
        nodes = List.copyOf(nodes);
    }

    /** The fields the handlers of some node fill in (A1): the initiator's form leaves them to those steps. */
    public Set<String> handlerFields() {
        return nodes.stream().flatMap(n -> n.editable().stream()).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<NodeSpec> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The nodes this form goes through, in order. */
    public List<NodeSpec> path(FormSchema schema, FormValues values) {
        return nodes.stream().filter(n -> n.condition() == null || n.condition().holds(schema, values)).toList();
    }

    public String toJson() {
        JsonArrayBuilder array = Jsons.array();
        for (NodeSpec node : nodes) {
            JsonObjectBuilder json = Jsons.object().add("id", node.id()).add("nameZh", node.nameZh())
                    .add("nameEn", node.nameEn() == null ? "" : node.nameEn()).add("kind", node.kind().name())
                    .add("handler", handler(node.handler())).add("deadlineDays", node.deadlineDays())
                    .add("editable", strings(node.editable())).add("hidden", strings(node.hidden()))
                    .add("onResubmit", node.onResubmit().name());
            if (node.condition() != null) {
                json.add("condition", Jsons.object().add("field", node.condition().field())
                        .add("operator", node.condition().operator().name()).add("value", node.condition().value()));
            }
            array.add(json);
        }
        return Jsons.object().add("nodes", array).add("skipRepeatedApprover", skipRepeatedApprover)
                .build().toString();
    }

    private static JsonObjectBuilder handler(HandlerRule rule) {
        JsonObjectBuilder json = Jsons.object().add("type", rule.type().name())
                .add("logins", strings(rule.logins()));
        if (rule.role() != null) {
            json.add("role", rule.role().name());
        }
        if (rule.unitCode() != null) {
            json.add("unit", rule.unitCode());
        }
        if (rule.field() != null) {
            json.add("field", rule.field());
        }
        return json;
    }

    private static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = Jsons.array();
        (values instanceof List ? values : new TreeSet<>(values)).forEach(array::add);
        return array;
    }

    /**
     * Reads a design's nodes.
     *
     * @throws IllegalArgumentException when the text is not a design
     */
    public static FlowDefinition fromJson(String text) {
        try (JsonReader reader = Jsons.reader(text)) {
            JsonObject json = reader.readObject();
            List<NodeSpec> nodes = json.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                    .map(FlowDefinition::node).toList();
            return new FlowDefinition(nodes, json.getBoolean("skipRepeatedApprover", false));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a flow design: " + e.getMessage(), e);
        }
    }

    private static NodeSpec node(JsonObject json) {
        JsonObject h = json.getJsonObject("handler");
        HandlerRule rule = new HandlerRule(HandlerType.valueOf(h.getString("type")), texts(h, "logins"),
                h.containsKey("role") ? Role.valueOf(h.getString("role")) : null, h.getString("unit", null),
                h.getString("field", null));
        Condition condition = null;
        if (json.containsKey("condition")) {
            JsonObject c = json.getJsonObject("condition");
            condition = new Condition(c.getString("field"), Condition.Operator.valueOf(c.getString("operator")),
                    c.getString("value"));
        }
        return new NodeSpec(json.getString("id"), json.getString("nameZh"), json.getString("nameEn", ""),
                NodeKind.valueOf(json.getString("kind")), rule, condition, json.getInt("deadlineDays", 1),
                Set.copyOf(texts(json, "editable")), Set.copyOf(texts(json, "hidden")),
                ResubmitPolicy.valueOf(json.getString("onResubmit", ResubmitPolicy.RERUN.name())));
    }

    private static List<String> texts(JsonObject json, String name) {
        return json.containsKey(name) ? json.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toList()) : List.of();
    }
}
