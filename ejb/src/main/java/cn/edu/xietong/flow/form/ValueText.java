package cn.edu.xietong.flow.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import cn.edu.xietong.shared.Bundles;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How a form's values read for people, in one language, the same on every page and on the approval sheet (B3): a
 * choice by its label in that language, money with thousands separators and two decimals, dates and date ranges in the
 * language's own pattern, people, units and files by name, lists joined as the language joins them.
 */
public final class ValueText {

    private static final String WORDS = "cn.edu.xietong.flow.form.ValueWords";

    private final Locale locale;
    private final ResourceBundle words;
    private final Function<String, String> person;
    private final Function<String, String> unit;
    private final Function<String, String> file;

    /**
     * @param person how a login name reads (the person's name)
     * @param unit   how a unit code reads
     * @param file   how an attachment's uid reads
     */
    public ValueText(Locale locale, Function<String, String> person, Function<String, String> unit,
                     Function<String, String> file) {
        this.locale = locale;
        this.words = Bundles.of(WORDS, locale);
        this.person = person;
        this.unit = unit;
        this.file = file;
    }

    /** A field's value as a line of text; empty for a detail field (see {@link #cell}) and for nothing entered. */
    public String of(FieldSpec field, FormValues values) {
        String key = field.key();
        return switch (field.type()) {
            case MULTI_CHOICE -> join(values.texts(key).stream().map(v -> field.optionLabel(v, locale)));
            case ATTACHMENT -> join(values.texts(key).stream().map(file));
            case PERSON -> values.text(key).map(person).orElse("");
            case UNIT -> values.text(key).map(unit).orElse("");
            case DETAIL -> "";
            default -> values.text(key).map(raw -> cell(field, raw)).orElse("");
        };
    }

    /** One simple value (a field's or a detail row's cell) as it reads. */
    public String cell(FieldSpec field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return switch (field.type()) {
            case CHOICE -> field.optionLabel(raw, locale);
            case MONEY -> FormValues.parseNumber(raw).map(this::money).orElse(raw);
            case DATE -> date(raw);
            case DATE_RANGE -> range(raw);
            default -> raw;
        };
    }

    /** A detail field's rows, each cell as it reads, keyed by column. */
    public List<Map<String, String>> rows(FieldSpec detail, FormValues values) {
        return values.rows(detail.key()).stream().map(row -> {
            Map<String, String> read = new LinkedHashMap<>();
            detail.columns().forEach(c -> read.put(c.key(), cell(c, row.get(c.key()))));
            return read;
        }).toList();
    }

    /** The sum of a number or money column of a detail field. */
    public String sum(FieldSpec detail, FieldSpec column, FormValues values) {
        BigDecimal sum = values.sum(detail.key(), column.key());
        return column.type() == FieldType.MONEY ? money(sum) : sum.toPlainString();
    }

    /** {@code 12,345.60}: thousands separated, two decimals. */
    public String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** A date in the language's own pattern: 2026年12月14日, Dec 14, 2026. */
    public String date(String iso) {
        try {
            return LocalDate.parse(iso).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** An ISO interval ({@code 2026-12-14/2026-12-15}) as the language writes a range of dates. */
    public String range(String interval) {
        String[] ends = interval.split("/", 2);
        if (ends.length < 2) {
            return date(interval);
        }
        return date(ends[0]) + words.getString("range") + date(ends[1]);
    }

    private String join(Stream<String> parts) {
        return String.join(words.getString("list"), parts.toList());
    }
}
