package cn.edu.xietong.flow.form;

import cn.edu.xietong.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a filled form holds: per field key a text (every scalar type, as typed), a list of texts (multiple choice,
 * attachments) or detail rows (each a map of column key to text). Immutable; {@link #canonicalJson} is the exact
 * content an approval signs (B3): keys sorted, no whitespace, so the same values always give the same hash.
 */
public final class FormValues {

    /** The one notation of numbers: see {@link #parseNumber}. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** The longest stored form content; a form beyond it is refused as too large. */
    public static final int MAX_JSON = 200_000;

    private final Map<String, Object> values;
    /** Computed once: every action on an instance hashes its form. */
    private String canonical;
    private String hash;

    private FormValues(Map<String, Object> values) {
        this.values = values;
    }

    public static FormValues empty() {
        return new FormValues(Map.of());
    }

    /** Values from a map of texts, lists of texts and lists of row maps; blank texts count as absent. */
    public static FormValues of(Map<String, ?> raw) {
        Map<String, Object> copy = new TreeMap<>();
        raw.forEach((key, value) -> {
            Object clean = clean(value);
            if (clean != null) {
                copy.put(key, clean);
            }
        });
        return new FormValues(Map.copyOf(copy));
    }

    private static Object clean(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            String stripped = text.strip();
            return stripped.isEmpty() ? null : stripped;
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            if (list.get(0) instanceof Map) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (Object row : list) {
                    Map<String, String> cleanRow = new TreeMap<>();
                    ((Map<?, ?>) row).forEach((k, v) -> {
                        Object cell = clean(v == null ? null : v.toString());
                        if (cell != null) {
                            cleanRow.put(k.toString(), (String) cell);
                        }
                    });
                    if (!cleanRow.isEmpty()) {
                        rows.add(Map.copyOf(cleanRow));
                    }
                }
                return rows.isEmpty() ? null : List.copyOf(rows);
            }
            List<String> texts = list.stream().map(o -> o == null ? "" : o.toString().strip())
                    .filter(s -> !s.isEmpty()).toList();
            return texts.isEmpty() ? null : texts;
        }
        return clean(value.toString());
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<String> text(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(String key) {
        Object value = values.get(key);
        if (value instanceof String s) {
            return List.of(s);
        }
        return value instanceof List<?> list && (list.isEmpty() || list.get(0) instanceof String)
                ? (List<String>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, String>> rows(String key) {
        return values.get(key) instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map
                ? (List<Map<String, String>>) list : List.of();
    }

    /** The number in a field, if it holds a valid one. */
    public Optional<BigDecimal> number(String key) {
        return text(key).flatMap(FormValues::parseNumber);
    }

    /** The sum of a detail field's column; rows without a valid number count as zero. */
    public BigDecimal sum(String detailKey, String column) {
        return rows(detailKey).stream().map(r -> parseNumber(r.get(column)).orElse(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The number a number or money field holds, in its one notation (S3): digits, optionally a '.' and more digits,
     * optionally a leading '-'; full-width digits, point and minus (as Chinese input methods type them) count as
     * their ASCII forms. Anything else — thousands separators, a decimal comma ("1,5"), exponents, a leading '+' —
     * is no number, so nothing is read differently from how it shows.
     */
    public static Optional<BigDecimal> parseNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String ascii = asciiDigits(text.strip());
        return NUMBER.matcher(ascii).matches() ? Optional.of(new BigDecimal(ascii)) : Optional.empty();
    }

    /** The number in the form it is stored and shown in ("１２３．５０" → "123.50", "007" → "7"), if it is one. */
    public static Optional<String> canonicalNumber(String text) {
        return parseNumber(text).map(BigDecimal::toPlainString);
    }

    private static String asciiDigits(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '\uFF10' && c <= '\uFF19') {
                ascii.append((char) ('0' + (c - '\uFF10')));
            } else if (c == '\uFF0E') {
                ascii.append('.');
            } else if (c == '\uFF0D' || c == '\u2212') {
                ascii.append('-');
            } else {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** These values with the given fields replaced by {@code changes}' (absent there: removed). */
    public FormValues withFields(FormValues changes, Collection<String> keys) {
        Map<String, Object> merged = new TreeMap<>(values);
        for (String key : keys) {
            Object changed = changes.values.get(key);
            if (changed == null) {
                merged.remove(key);
            } else {
                merged.put(key, changed);
            }
        }
        return new FormValues(Map.copyOf(merged));
    }

    /** These values without the given fields. */
    public FormValues without(Collection<String> keys) {
        Map<String, Object> kept = new TreeMap<>(values);
        kept.keySet().removeAll(keys);
        return new FormValues(Map.copyOf(kept));
    }

    /** Keys sorted, no whitespace: the same values always give the same text. */
    public String canonicalJson() {
        if (canonical == null) {
            JsonObjectBuilder json = Jsons.object();
            new TreeMap<>(values).forEach((key, value) -> json.add(key, toJson(value)));
            canonical = json.build().toString();
        }
        return canonical;
    }

    /** Hex SHA-256 of {@link #canonicalJson} in UTF-8. */
    public String sha256() {
        if (hash != null) {
            return hash;
        }
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson().getBytes(StandardCharsets.UTF_8)));
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static JsonValue toJson(Object value) {
        if (value instanceof String s) {
            return Jsons.string(s);
        }
        JsonArrayBuilder array = Jsons.array();
        for (Object item : (List<?>) value) {
            if (item instanceof Map<?, ?> row) {
                JsonObjectBuilder cells = Jsons.object();
                new TreeMap<>(row).forEach((k, v) -> cells.add(k.toString(), v.toString()));
                array.add(cells);
            } else {
                array.add(item.toString());
            }
        }
        return array.build();
    }

    public static FormValues fromJson(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        try (JsonReader reader = Jsons.reader(json)) {
            JsonObject object = reader.readObject();
            Map<String, Object> raw = new LinkedHashMap<>();
            object.forEach((key, value) -> raw.put(key, fromJson(value)));
            return of(raw);
        }
    }

    private static Object fromJson(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue item : (JsonArray) value) {
                    if (item instanceof JsonObject row) {
                        Map<String, String> cells = new LinkedHashMap<>();
                        row.forEach((k, v) -> cells.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
                        list.add(cells);
                    } else {
                        list.add(item instanceof JsonString s ? s.getString() : item.toString());
                    }
                }
                yield list;
            }
            case NULL -> null;
            default -> value.toString();
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return canonicalJson();
    }
}
