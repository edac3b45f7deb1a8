package cn.edu.xietong.web.flow;

import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormValues;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form page edits: texts per field (a date range as two, {@code key.from} and {@code key.to}), lists for
 * multiple choices, rows for detail fields. It turns into {@link FormValues} for the services, which judge it.
 */
public class FormModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private final Map<String, List<Map<String, String>>> rows = new HashMap<>();
    /** What is known of the files the attachment fields name (uid → name, size, scan), for showing them. */
    private final Map<String, FileInfo> files = new HashMap<>();
    /** The service's problems by field key (a detail cell as {@code items[2].amount}), in the user's language. */
    private final Map<String, String> errors = new LinkedHashMap<>();

    public static FormModel of(FormSchema schema, FormValues values) {
        FormModel model = new FormModel();
        for (FieldSpec field : schema.fields()) {
            switch (field.type()) {
                case DETAIL -> {
                    List<Map<String, String>> copy = new ArrayList<>();
                    values.rows(field.key()).forEach(r -> copy.add(new HashMap<>(r)));
                    if (copy.isEmpty()) {
                        copy.add(new HashMap<>());
                    }
                    model.rows.put(field.key(), copy);
                }
                case MULTI_CHOICE, ATTACHMENT -> model.lists.put(field.key(), new ArrayList<>(values.texts(field.key())));
                case DATE_RANGE -> values.text(field.key()).ifPresent(t -> {
                    String[] ends = t.split("/", -1);
                    model.texts.put(field.key() + ".from", ends[0]);
                    model.texts.put(field.key() + ".to", ends.length > 1 ? ends[1] : "");
                });
                default -> values.text(field.key()).ifPresent(t -> model.texts.put(field.key(), t));
            }
        }
        return model;
    }

    public FormValues toValues(FormSchema schema) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (FieldSpec field : schema.fields()) {
            switch (field.type()) {
                case DETAIL -> raw.put(field.key(), new ArrayList<>(rows.getOrDefault(field.key(), List.of())));
                case MULTI_CHOICE, ATTACHMENT -> raw.put(field.key(), lists.getOrDefault(field.key(), List.of()));
                case DATE_RANGE -> {
                    String from = blankToEmpty(texts.get(field.key() + ".from"));
                    String to = blankToEmpty(texts.get(field.key() + ".to"));
                    raw.put(field.key(), from.isEmpty() && to.isEmpty() ? null : from + "/" + to);
                }
                default -> raw.put(field.key(), texts.get(field.key()));
            }
        }
        return FormValues.of(raw);
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    public void addRow(String detail) {
        rows.computeIfAbsent(detail, k -> new ArrayList<>()).add(new HashMap<>());
    }

    public void removeRow(String detail, int index) {
        List<Map<String, String>> list = rows.get(detail);
        if (list != null && index >= 0 && index < list.size()) {
            list.remove(index);
        }
    }

    /**
     * The sum of a detail column as the rows stand now, for the page's footer: read as the engine reads numbers
     * ({@link FormValues#parseNumber}); a cell that is no number counts as nothing here and the service refuses it.
     */
    public String sum(String detail, String column) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, String> row : rows.getOrDefault(detail, List.of())) {
            total = total.add(FormValues.parseNumber(row.get(column)).orElse(BigDecimal.ZERO));
        }
        return total.toPlainString();
    }

    /** Adds an uploaded file to an attachment field. */
    public void attach(String field, FileInfo file) {
        files.put(file.uid(), file);
        List<String> uids = lists.computeIfAbsent(field, k -> new ArrayList<>());
        if (!uids.contains(file.uid())) {
            uids.add(file.uid());
        }
        errors.remove(field);
    }

    public void detach(String field, String uid) {
        lists.getOrDefault(field, new ArrayList<>()).remove(uid);
    }

    /** Remembers what is known of files the values already name (a draft or returned form being revised). */
    public void know(Collection<FileInfo> known) {
        known.forEach(file -> files.put(file.uid(), file));
    }

    /** The files of an attachment field in order; a uid nothing is known of shows as itself. */
    public List<FileInfo> filesOf(String field) {
        return lists.getOrDefault(field, List.of()).stream()
                .map(uid -> files.getOrDefault(uid, new FileInfo(uid, uid, "", 0, "", null, null, null))).toList();
    }

    public void clearErrors() {
        errors.clear();
    }

    public void addError(String field, String message) {
        errors.merge(field, message, (a, b) -> a + "；" + b);
    }

    /** The problem of a field, or of a detail field's cells. */
    public String errorOf(String field) {
        if (errors.containsKey(field)) {
            return errors.get(field);
        }
        return String.join("；", errors.entrySet().stream().filter(e -> e.getKey().startsWith(field + "["))
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    public boolean numeric(FieldType type) {
        return type.numeric();
    }

    public Map<String, String> getTexts() {
        return texts;
    }

    public Map<String, List<String>> getLists() {
        return lists;
    }

    public Map<String, List<Map<String, String>>> getRows() {
        return rows;
    }
}
