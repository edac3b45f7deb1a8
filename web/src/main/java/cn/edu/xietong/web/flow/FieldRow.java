package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One field as the form designer edits it: plain texts until it is turned into a {@link FieldSpec}. */
public class FieldRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String key;
    private String labelZh;
    private String labelEn;
    private FieldType type = FieldType.TEXT;
    private boolean required;
    private boolean wide;
    private Integer maxLength;
    private String min;
    private String max;
    private String options;
    /** For a number field: the key of the date range whose working days fill it, if any. */
    private String daysOf;
    private final List<FieldRow> columns = new ArrayList<>();

    public static FieldRow of(FieldSpec spec) {
        FieldRow row = new FieldRow();
        row.key = spec.key();
        row.labelZh = spec.labelZh();
        row.labelEn = spec.labelEn();
        row.type = spec.type();
        row.required = spec.required();
        row.wide = spec.wide();
        row.maxLength = spec.maxLength();
        row.min = spec.min() == null ? null : spec.min().toPlainString();
        row.max = spec.max() == null ? null : spec.max().toPlainString();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < spec.options().size(); i++) {
            String english = i < spec.optionsEn().size() ? spec.optionsEn().get(i) : "";
            lines.add(spec.options().get(i) + (english.isBlank() ? "" : " | " + english));
        }
        row.options = String.join("\n", lines);
        row.daysOf = spec.daysOf();
        spec.columns().forEach(c -> row.columns.add(of(c)));
        return row;
    }

    public static FieldRow blank(FieldType type, int number) {
        FieldRow row = new FieldRow();
        row.type = type;
        row.key = "field" + number;
        row.labelZh = "字段" + number;
        row.labelEn = "Field " + number;
        if (type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE) {
            row.options = "选项一 | Option 1\n选项二 | Option 2";
        }
        if (type == FieldType.DETAIL) {
            row.columns.add(blank(FieldType.TEXT, 1));
        }
        return row;
    }

    /**
     * The field as the template stores it.
     *
     * @throws NumberFormatException when a limit is not a number
     */
    public FieldSpec toSpec() {
        // one option per line: the value (Chinese), then optionally " | " and its English label
        List<String> lines = options == null ? List.of() : Arrays.stream(options.split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> values = lines.stream().map(line -> strip(line.split("\\|", 2)[0])).toList();
        List<String> english = lines.stream().map(line -> line.contains("|") ? strip(line.split("\\|", 2)[1]) : "")
                .toList();
        return new FieldSpec(strip(key), strip(labelZh), strip(labelEn), type, required, maxLength, number(min),
                number(max), values, english, type == FieldType.DETAIL ? columns.stream().map(FieldRow::toSpec).toList()
                : List.of(), wide, type == FieldType.NUMBER && daysOf != null && !daysOf.isBlank() ? daysOf : null);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static BigDecimal number(String text) {
        return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
    }

    public boolean isChoice() {
        return type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE;
    }

    public boolean isNumeric() {
        return type != null && type.numeric();
    }

    public boolean isDetail() {
        return type == FieldType.DETAIL;
    }

    public boolean isText() {
        return type == FieldType.TEXT || type == FieldType.LONG_TEXT;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getLabelZh() {
        return labelZh;
    }

    public void setLabelZh(String labelZh) {
        this.labelZh = labelZh;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    public FieldType getType() {
        return type;
    }

    public void setType(FieldType type) {
        this.type = type;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public boolean isWide() {
        return wide;
    }

    public void setWide(boolean wide) {
        this.wide = wide;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(Integer maxLength) {
        this.maxLength = maxLength;
    }

    public String getMin() {
        return min;
    }

    public void setMin(String min) {
        this.min = min;
    }

    public String getMax() {
        return max;
    }

    public void setMax(String max) {
        this.max = max;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public String getDaysOf() {
        return daysOf;
    }

    public void setDaysOf(String daysOf) {
        this.daysOf = daysOf;
    }

    public List<FieldRow> getColumns() {
        return columns;
    }
}
