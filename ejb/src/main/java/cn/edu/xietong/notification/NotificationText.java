package cn.edu.xietong.notification;

import cn.edu.xietong.shared.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a notification says happened: a message key of the pages' bundles with its arguments, rendered in the reader's
 * language (the flows' kinds: {@code notification.flow.RETURNED} …), or a short text written in both languages by a
 * module that has it so (an announcement's own heading). Exactly one of the two.
 */
public record NotificationText(String key, List<String> arguments, String zh, String en) implements Serializable {

    public NotificationText {
        if ((key == null) == (zh == null)) {
            throw new IllegalArgumentException("a notification's text is a message key or a text, not both or none");
        }
        if (zh != null && (zh.isBlank() || zh.length() > Notification.MAX_TEXT
                || (en != null && en.length() > Notification.MAX_TEXT))) {
            throw new IllegalArgumentException("a notification's text is 1 to " + Notification.MAX_TEXT + " characters");
        }
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A message key of the pages' bundles and its arguments (shown as given, in the reader's language's pattern). */
    public static NotificationText key(String key, List<String> arguments) {
        return new NotificationText(Objects.requireNonNull(key), arguments.stream().map(a -> a == null ? "" : a)
                .toList(), null, null);
    }

    public static NotificationText key(String key, String... arguments) {
        return key(key, List.of(arguments));
    }

    /** A short text in Chinese and English (English may be left out: Chinese is shown then). */
    public static NotificationText of(String zh, String en) {
        return new NotificationText(null, List.of(), Objects.requireNonNull(zh), en == null || en.isBlank() ? null : en);
    }

    static String json(List<String> arguments) {
        JsonArrayBuilder array = Jsons.array();
        arguments.forEach(array::add);
        return array.build().toString();
    }

    static List<String> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = Jsons.reader(json)) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
