package cn.edu.xietong.shared;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/**
 * JSON-P through one provider looked up once. The static {@code jakarta.json.Json} methods look the provider up on
 * every call (a service-loader scan that throws and catches a ClassNotFoundException inside WildFly), which cost about
 * a tenth of the server's time when forms and designs are read and written on every flow action.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonString string(String value) {
        return PROVIDER.createValue(value);
    }

    /** A reader of the text; the caller closes it. */
    public static JsonReader reader(String text) {
        return PROVIDER.createReader(new StringReader(text));
    }
}
