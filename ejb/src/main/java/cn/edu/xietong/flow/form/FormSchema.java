package cn.edu.xietong.flow.form;

import cn.edu.xietong.shared.Jsons;
import cn.edu.xietong.shared.DisplayText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fields of a form template in their layout order (A1), and the two checks made against them: {@link #problems()}
 * for the designer (is this a sound template?) and {@link #validate} for the person filling it in (is this a sound
 * form?). Both answer with every problem at once, field by field.
 */
public final class FormSchema {

    /** At most this many fields, detail rows and files: a form is not a spreadsheet. */
    public static final int MAX_FIELDS = 60;
    public static final int MAX_ROWS = 200;
    public static final int MAX_FILES = 10;
    /** The longest stored template. */
    public static final int MAX_JSON = 100_000;

    private final List<FieldSpec> fields;

    public FormSchema(List<FieldSpec> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** This form without the given fields (the initiator's form without the fields handlers fill in). */
    public FormSchema without(Set<String> keys) {
        return new FormSchema(fields.stream().filter(f -> !keys.contains(f.key())).toList());
    }

    public Optional<FieldSpec> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * Whether a condition may name {@code key}: a number or money field, a choice, or a detail field's number column
     * written {@code detail.column} (its sum).
     */
    public Optional<FieldType> conditionType(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return field(key).map(FieldSpec::type).filter(t -> t != FieldType.DETAIL && t != FieldType.ATTACHMENT);
        }
        return field(key.substring(0, dot)).filter(f -> f.type() == FieldType.DETAIL)
                .flatMap(f -> f.columns().stream().filter(c -> c.key().equals(key.substring(dot + 1))).findFirst())
                .map(FieldSpec::type).filter(FieldType::numeric);
    }

    /** The numeric value a condition compares: a field's number, or the sum of a detail column. */
    public Optional<BigDecimal> numberFor(String key, FormValues values) {
        int dot = key.indexOf('.');
        return dot < 0 ? values.number(key) : Optional.of(values.sum(key.substring(0, dot), key.substring(dot + 1)));
    }

    /**
     * These values with every number of a number or money field, detail columns included, in the one notation the
     * engine reads ({@link FormValues#canonicalNumber}): what is stored is what is shown, summed and compared (S3).
     * What is no number is left as it is, for {@link #validate} to refuse.
     */
    public FormValues normalised(FormValues values) {
        Map<String, Object> changed = new LinkedHashMap<>(values.asMap());
        for (FieldSpec field : fields) {
            if (field.type().numeric()) {
                values.text(field.key()).ifPresent(text -> changed.put(field.key(), number(text)));
            } else if (field.type() == FieldType.DETAIL && field.columns().stream().anyMatch(c -> c.type().numeric())) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (Map<String, String> row : values.rows(field.key())) {
                    Map<String, String> cells = new LinkedHashMap<>(row);
                    field.columns().stream().filter(c -> c.type().numeric() && cells.containsKey(c.key()))
                            .forEach(c -> cells.put(c.key(), number(cells.get(c.key()))));
                    rows.add(cells);
                }
                if (!rows.isEmpty()) {
                    changed.put(field.key(), rows);
                }
            }
        }
        FormValues normalised = FormValues.of(changed);
        return normalised.equals(values) ? values : normalised;
    }

    private static String number(String text) {
        return FormValues.canonicalNumber(text).orElse(text);
    }

    /** What is wrong with the template itself: keys, labels, options, columns, limits. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (fields.isEmpty()) {
            problems.add(FieldProblem.of("", "form.design.noFields"));
        }
        if (fields.size() > MAX_FIELDS) {
            problems.add(FieldProblem.of("", "form.design.tooManyFields", MAX_FIELDS));
        }
        Set<String> keys = new HashSet<>();
        for (FieldSpec field : fields) {
            checkField(field, keys, problems, false);
            if (field.daysOf() != null && (field.type() != FieldType.NUMBER || field(field.daysOf())
                    .filter(range -> range.type() == FieldType.DATE_RANGE).isEmpty())) {
                problems.add(FieldProblem.of(field.key(), "form.design.badDaysOf", field.key()));
            }
        }
        return problems;
    }

    /**
     * The values with every number field that counts a date range's working days ({@link FieldSpec#daysOf}) filled
     * from that range, where the range is complete (A1: the leave form's days follow its dates).
     *
     * @param workingDay whether a day is a working day (the university's calendar)
     */
    public FormValues withDaysWorkedOut(FormValues values, Predicate<LocalDate> workingDay) {
        Map<String, Object> changed = new LinkedHashMap<>(values.asMap());
        for (FieldSpec field : fields) {
            if (field.daysOf() == null) {
                continue;
            }
            values.text(field.daysOf()).map(range -> range.split("/", 2)).filter(ends -> ends.length == 2)
                    .flatMap(ends -> workingDays(ends[0], ends[1], workingDay))
                    .ifPresent(days -> changed.put(field.key(), Integer.toString(days)));
        }
        return FormValues.of(changed);
    }

    private static Optional<Integer> workingDays(String from, String to, Predicate<LocalDate> workingDay) {
        try {
            LocalDate first = LocalDate.parse(from);
            LocalDate last = LocalDate.parse(to);
            if (last.isBefore(first) || first.plusYears(1).isBefore(last)) {
                return Optional.empty();
            }
            int days = 0;
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                days += workingDay.test(day) ? 1 : 0;
            }
            return Optional.of(days);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void checkField(FieldSpec field, Set<String> keys, List<FieldProblem> problems, boolean inDetail) {
        String key = field.key() == null ? "" : field.key();
        if (!FieldSpec.KEY.matcher(key).matches()) {
            problems.add(FieldProblem.of(key, "form.design.badKey", key));
        } else if (!keys.add(key)) {
            problems.add(FieldProblem.of(key, "form.design.duplicateKey", key));
        }
        if (DisplayText.name(field.labelZh(), FieldSpec.MAX_LABEL).isEmpty()) {
            problems.add(FieldProblem.of(key, "form.design.badLabel", key));
        }
        if (DisplayText.optionalName(field.labelEn(), FieldSpec.MAX_LABEL_EN).isEmpty()) {
            problems.add(FieldProblem.of(key, "form.design.badLabelEn", key, FieldSpec.MAX_LABEL_EN));
        }
        if (field.type() == null) {
            problems.add(FieldProblem.of(key, "form.design.noType", key));
            return;
        }
        if (inDetail && !field.type().allowedInDetail()) {
            problems.add(FieldProblem.of(key, "form.design.badColumnType", key));
        }
        boolean choice = field.type() == FieldType.CHOICE || field.type() == FieldType.MULTI_CHOICE;
        if (choice && (field.options().isEmpty() || new HashSet<>(field.options()).size() != field.options().size()
                || !field.options().stream().allMatch(DisplayText::isVisible))) {
            problems.add(FieldProblem.of(key, "form.design.badOptions", key));
        }
        if (choice && !field.optionsEn().stream().allMatch(String::isBlank) && (field.optionsEn().size()
                != field.options().size() || !field.optionsEn().stream().allMatch(label -> label.isBlank()
                || DisplayText.optionalName(label, FieldSpec.MAX_LABEL_EN).isPresent()))) {
            problems.add(FieldProblem.of(key, "form.design.badOptionsEn", key, FieldSpec.MAX_LABEL_EN));
        }
        if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
            problems.add(FieldProblem.of(key, "form.design.badRange", key));
        }
        if (field.maxLength() != null && (field.maxLength() < 1 || field.maxLength() > 20000)) {
            problems.add(FieldProblem.of(key, "form.design.badLength", key));
        }
        if (field.type() == FieldType.DETAIL) {
            if (field.columns().isEmpty()) {
                problems.add(FieldProblem.of(key, "form.design.noColumns", key));
            }
            Set<String> columnKeys = new HashSet<>();
            for (FieldSpec column : field.columns()) {
                checkField(column, columnKeys, problems, true);
            }
        }
    }

    /** The file uids the attachment fields of these values name, in field order. */
    public List<String> attachments(FormValues values) {
        return fields.stream().filter(f -> f.type() == FieldType.ATTACHMENT)
                .flatMap(f -> values.texts(f.key()).stream()).toList();
    }

    /**
     * Every problem of the filled-in {@code values}: required fields, types, limits, options, references. Values for
     * keys the template does not have are refused too, so nothing unexpected is stored.
     */
    public List<FieldProblem> validate(FormValues values, References references) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : values.asMap().keySet()) {
            if (field(key).isEmpty()) {
                problems.add(FieldProblem.of(key, "form.unknownField", key));
            }
        }
        for (FieldSpec field : fields) {
            if (field.type() == FieldType.DETAIL) {
                validateDetail(field, values, references, problems);
            } else if (field.type() == FieldType.MULTI_CHOICE || field.type() == FieldType.ATTACHMENT) {
                List<String> items = values.texts(field.key());
                if (items.isEmpty()) {
                    requiredCheck(field, field.key(), problems);
                } else {
                    validateList(field, items, references, problems);
                }
            } else {
                Optional<String> text = values.text(field.key());
                if (text.isEmpty()) {
                    if (values.has(field.key())) {
                        problems.add(FieldProblem.of(field.key(), "form.badValue"));
                    } else {
                        requiredCheck(field, field.key(), problems);
                    }
                } else {
                    validateScalar(field, field.key(), text.get(), references, problems);
                }
            }
        }
        return problems;
    }

    private static void requiredCheck(FieldSpec field, String at, List<FieldProblem> problems) {
        if (field.required()) {
            problems.add(FieldProblem.of(at, "form.required"));
        }
    }

    private static void validateList(FieldSpec field, List<String> items, References references,
                                     List<FieldProblem> problems) {
        if (field.type() == FieldType.MULTI_CHOICE) {
            if (!field.options().containsAll(items) || new HashSet<>(items).size() != items.size()) {
                problems.add(FieldProblem.of(field.key(), "form.badChoice"));
            }
        } else {
            if (items.size() > MAX_FILES) {
                problems.add(FieldProblem.of(field.key(), "form.tooManyFiles", MAX_FILES));
            } else if (!items.stream().allMatch(references::attachmentExists)) {
                problems.add(FieldProblem.of(field.key(), "form.unknownFile"));
            }
        }
    }

    private static void validateDetail(FieldSpec field, FormValues values, References references,
                                       List<FieldProblem> problems) {
        List<Map<String, String>> rows = values.rows(field.key());
        if (rows.isEmpty()) {
            if (values.has(field.key())) {
                problems.add(FieldProblem.of(field.key(), "form.badValue"));
            } else {
                requiredCheck(field, field.key(), problems);
            }
            return;
        }
        if (rows.size() > MAX_ROWS) {
            problems.add(FieldProblem.of(field.key(), "form.tooManyRows", MAX_ROWS));
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            for (String column : row.keySet()) {
                if (field.columns().stream().noneMatch(c -> c.key().equals(column))) {
                    problems.add(FieldProblem.of(field.key() + "[" + (i + 1) + "]." + column, "form.unknownField",
                            column));
                }
            }
            for (FieldSpec column : field.columns()) {
                String at = field.key() + "[" + (i + 1) + "]." + column.key();
                String cell = row.get(column.key());
                if (cell == null) {
                    requiredCheck(column, at, problems);
                } else {
                    validateScalar(column, at, cell, references, problems);
                }
            }
        }
    }

    private static void validateScalar(FieldSpec field, String at, String text, References references,
                                       List<FieldProblem> problems) {
        switch (field.type()) {
            case TEXT, LONG_TEXT -> {
                if (text.length() > field.textLimit()) {
                    problems.add(FieldProblem.of(at, "form.tooLong", field.textLimit()));
                }
            }
            case NUMBER, MONEY -> {
                Optional<BigDecimal> number = FormValues.parseNumber(text);
                if (number.isEmpty()) {
                    problems.add(FieldProblem.of(at, "form.notANumber"));
                } else if (field.type() == FieldType.MONEY && number.get().stripTrailingZeros().scale() > 2) {
                    problems.add(FieldProblem.of(at, "form.moneyScale"));
                } else if (field.min() != null && number.get().compareTo(field.min()) < 0) {
                    problems.add(FieldProblem.of(at, "form.belowMin", field.min().toPlainString()));
                } else if (field.max() != null && number.get().compareTo(field.max()) > 0) {
                    problems.add(FieldProblem.of(at, "form.aboveMax", field.max().toPlainString()));
                }
            }
            case DATE -> {
                if (date(text).isEmpty()) {
                    problems.add(FieldProblem.of(at, "form.notADate"));
                }
            }
            case DATE_RANGE -> {
                String[] ends = text.split("/", -1);
                Optional<LocalDate> from = ends.length == 2 ? date(ends[0]) : Optional.empty();
                Optional<LocalDate> to = ends.length == 2 ? date(ends[1]) : Optional.empty();
                if (from.isEmpty() || to.isEmpty()) {
                    problems.add(FieldProblem.of(at, "form.notADateRange"));
                } else if (to.get().isBefore(from.get())) {
                    problems.add(FieldProblem.of(at, "form.rangeBackwards"));
                }
            }
            case CHOICE -> {
                if (!field.options().contains(text)) {
                    problems.add(FieldProblem.of(at, "form.badChoice"));
                }
            }
            case PERSON -> {
                if (!references.personExists(text)) {
                    problems.add(FieldProblem.of(at, "form.unknownPerson", text));
                }
            }
            case UNIT -> {
                if (!references.unitExists(text)) {
                    problems.add(FieldProblem.of(at, "form.unknownUnit", text));
                }
            }
            default -> problems.add(FieldProblem.of(at, "form.badValue"));
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String toJson() {
        JsonArrayBuilder array = Jsons.array();
        fields.forEach(f -> array.add(f.toJson()));
        return Jsons.object().add("fields", array).build().toString();
    }

    /**
     * Reads a template's fields.
     *
     * @throws IllegalArgumentException when the text is not a template
     */
    public static FormSchema fromJson(String json) {
        try (JsonReader reader = Jsons.reader(json)) {
            return new FormSchema(reader.readObject().getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                    .map(FieldSpec::fromJson).toList());
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a form template: " + e.getMessage(), e);
        }
    }
}
