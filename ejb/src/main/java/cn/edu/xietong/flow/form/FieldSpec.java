package cn.edu.xietong.flow.form;

import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One field of a form template: its key (stable across versions, named in conditions), labels in both languages, type,
 * rules and layout ({@code wide}: the whole row instead of half). A detail field has columns; a choice has options: the
 * values stored and named in conditions (Chinese), each with an English label when {@code optionsEn} has one. A number
 * field may be worked out from a date range ({@code daysOf}: the range's key): the working days it spans.
 */
public record FieldSpec(String key, String labelZh, String labelEn, FieldType type, boolean required,
                        Integer maxLength, BigDecimal min, BigDecimal max, List<String> options, List<String> optionsEn,
                        List<FieldSpec> columns, boolean wide, String daysOf) {

    /** One option as a person chooses it: the value stored, the label in their language. */
    public record Choice(String value, String label) {
    }

    /** Keys: a letter, then letters, digits or underscores; at most 40. */
    static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");
    /** The longest labels (S3: refused beyond them, never cut). */
    static final int MAX_LABEL = 60;
    static final int MAX_LABEL_EN = 120;
    static final int DEFAULT_TEXT_LENGTH = 200;
    static final int DEFAULT_LONG_TEXT_LENGTH = 4000;

    public FieldSpec {
        labelZh = labelZh == null ? null : DisplayText.clean(labelZh);
        labelEn = labelEn == null ? null : DisplayText.clean(labelEn);
        options = options == null ? List.of() : List.copyOf(options);
        optionsEn = optionsEn == null ? List.of() : optionsEn.stream().map(o -> o == null ? "" : DisplayText.clean(o))
                .toList();
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** A simple field without limits or options. */
    public static FieldSpec of(String key, String labelZh, String labelEn, FieldType type, boolean required) {
        return new FieldSpec(key, labelZh, labelEn, type, required, null, null, null, List.of(), List.of(), List.of(),
                false, null);
    }

    public FieldSpec withOptions(String... choices) {
        return new FieldSpec(key, labelZh, labelEn, type, required, maxLength, min, max, List.of(choices), optionsEn,
                columns, wide, daysOf);
    }

    /** The options' English labels, in the options' order. */
    public FieldSpec withOptionsEn(String... labels) {
        return new FieldSpec(key, labelZh, labelEn, type, required, maxLength, min, max, options, List.of(labels),
                columns, wide, daysOf);
    }

    public FieldSpec withRange(BigDecimal low, BigDecimal high) {
        return new FieldSpec(key, labelZh, labelEn, type, required, maxLength, low, high, options, optionsEn, columns,
                wide, daysOf);
    }

    public FieldSpec withColumns(FieldSpec... detailColumns) {
        return new FieldSpec(key, labelZh, labelEn, type, required, maxLength, min, max, options, optionsEn,
                List.of(detailColumns), wide, daysOf);
    }

    public FieldSpec withMaxLength(Integer length) {
        return new FieldSpec(key, labelZh, labelEn, type, required, length, min, max, options, optionsEn, columns,
                wide, daysOf);
    }

    /** A number field the form fills with the working days of the date range {@code rangeKey}; the person may change it. */
    public FieldSpec withDaysOf(String rangeKey) {
        return new FieldSpec(key, labelZh, labelEn, type, required, maxLength, min, max, options, optionsEn, columns,
                wide, rangeKey);
    }

    public FieldSpec wide(boolean wholeRow) {
        return new FieldSpec(key, labelZh, labelEn, type, required, maxLength, min, max, options, optionsEn, columns,
                wholeRow, daysOf);
    }

    public Bilingual label() {
        return new Bilingual(labelZh, labelEn);
    }

    public String label(Locale locale) {
        return label().in(locale);
    }

    /** How a stored option reads in this language: its English label where the design gives one. */
    public String optionLabel(String value, Locale locale) {
        int at = options.indexOf(value);
        return at < 0 ? value : new Bilingual(value, at < optionsEn.size() ? optionsEn.get(at) : null).in(locale);
    }

    /** The options as a person chooses among them, in their language. */
    public List<Choice> choices(Locale locale) {
        return options.stream().map(o -> new Choice(o, optionLabel(o, locale))).toList();
    }

    /** The longest text accepted: the template's limit, or 200 (4000 for long text). */
    public int textLimit() {
        if (maxLength != null) {
            return maxLength;
        }
        return type == FieldType.LONG_TEXT ? DEFAULT_LONG_TEXT_LENGTH : DEFAULT_TEXT_LENGTH;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Jsons.object().add("key", key).add("labelZh", labelZh)
                .add("labelEn", labelEn == null ? "" : labelEn).add("type", type.name()).add("required", required)
                .add("wide", wide);
        if (daysOf != null && !daysOf.isBlank()) {
            json.add("daysOf", daysOf);
        }
        if (maxLength != null) {
            json.add("maxLength", maxLength);
        }
        if (min != null) {
            json.add("min", min);
        }
        if (max != null) {
            json.add("max", max);
        }
        if (!options.isEmpty()) {
            JsonArrayBuilder array = Jsons.array();
            options.forEach(array::add);
            json.add("options", array);
        }
        if (optionsEn.stream().anyMatch(label -> !label.isBlank())) {
            JsonArrayBuilder array = Jsons.array();
            optionsEn.forEach(array::add);
            json.add("optionsEn", array);
        }
        if (!columns.isEmpty()) {
            JsonArrayBuilder array = Jsons.array();
            columns.forEach(c -> array.add(c.toJson()));
            json.add("columns", array);
        }
        return json.build();
    }

    static FieldSpec fromJson(JsonObject json) {
        return new FieldSpec(json.getString("key"), json.getString("labelZh"), json.getString("labelEn", ""),
                FieldType.valueOf(json.getString("type")), json.getBoolean("required", false),
                json.containsKey("maxLength") ? json.getInt("maxLength") : null, decimal(json, "min"),
                decimal(json, "max"),
                strings(json, "options"), strings(json, "optionsEn"),
                json.containsKey("columns")
                        ? json.getJsonArray("columns").getValuesAs(JsonObject.class).stream().map(FieldSpec::fromJson).toList()
                        : List.of(),
                json.getBoolean("wide", false), json.getString("daysOf", null));
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.containsKey(name) ? json.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList() : List.of();
    }

    private static BigDecimal decimal(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : json.getJsonNumber(name).bigDecimalValue();
    }
}
