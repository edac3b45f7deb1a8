package cn.edu.xietong.flow.form;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Values read the same on every page and on the approval sheet, in the reader's language (B3, A1). */
class ValueTextTest {

    private static final FieldSpec KIND = FieldSpec.of("kind", "请假类型", "Kind of leave", FieldType.CHOICE, true)
            .withOptions("事假", "病假").withOptionsEn("Personal leave", "");
    private static final FieldSpec TOPICS = FieldSpec.of("topics", "议题", "Topics", FieldType.MULTI_CHOICE, false)
            .withOptions("人事", "财务").withOptionsEn("Staff", "Finance");
    private static final FieldSpec PERIOD = FieldSpec.of("period", "起止日期", "Dates", FieldType.DATE_RANGE, true);
    private static final FieldSpec ITEMS = FieldSpec.of("items", "明细", "Items", FieldType.DETAIL, true).withColumns(
            FieldSpec.of("amount", "金额", "Amount", FieldType.MONEY, true),
            FieldSpec.of("date", "日期", "Date", FieldType.DATE, true));

    private static ValueText in(Locale locale) {
        return new ValueText(locale, login -> "王伟", code -> "计算机学院", uid -> "receipt.pdf");
    }

    @Test
    void aChoiceReadsByItsEnglishLabelInEnglishAndByItsValueWhereItHasNone() {
        FormValues values = FormValues.of(Map.of("kind", "事假", "topics", List.of("人事", "财务")));
        assertEquals("Personal leave", in(Locale.ENGLISH).of(KIND, values));
        assertEquals("事假", in(Locale.SIMPLIFIED_CHINESE).of(KIND, values));
        assertEquals("病假", in(Locale.ENGLISH).of(KIND, FormValues.of(Map.of("kind", "病假"))), "no English label");
        assertEquals("Staff, Finance", in(Locale.ENGLISH).of(TOPICS, values));
        assertEquals("人事、财务", in(Locale.SIMPLIFIED_CHINESE).of(TOPICS, values));
    }

    @Test
    void moneyHasThousandsSeparatorsAndTwoDecimals() {
        assertEquals("12,345.60", in(Locale.ENGLISH).money(new BigDecimal("12345.6")));
        assertEquals("1,000,000.00", in(Locale.SIMPLIFIED_CHINESE).money(new BigDecimal("1000000")));
        assertEquals("0.01", in(Locale.ENGLISH).money(new BigDecimal("0.005")));
    }

    @Test
    void datesAndRangesFollowTheLanguagesOwnPattern() {
        FormValues values = FormValues.of(Map.of("period", "2026-12-14/2026-12-15"));
        assertEquals("2026年12月14日 至 2026年12月15日", in(Locale.SIMPLIFIED_CHINESE).of(PERIOD, values));
        assertEquals("Dec 14, 2026 – Dec 15, 2026", in(Locale.ENGLISH).of(PERIOD, values));
    }

    @Test
    void detailRowsAndSumsReadLikeFields() {
        FormValues values = FormValues.of(Map.of("items", List.of(
                Map.of("amount", "1200.5", "date", "2026-11-02"), Map.of("amount", "30", "date", "2026-11-03"))));
        ValueText english = in(Locale.ENGLISH);
        assertEquals(List.of(Map.of("amount", "1,200.50", "date", "Nov 2, 2026"),
                Map.of("amount", "30.00", "date", "Nov 3, 2026")), english.rows(ITEMS, values));
        assertEquals("1,230.50", english.sum(ITEMS, ITEMS.columns().get(0), values));
    }

    @Test
    void somethingThatIsNoValidValueIsShownAsTyped() {
        ValueText english = in(Locale.ENGLISH);
        assertEquals("12,5", english.cell(ITEMS.columns().get(0), "12,5"));
        assertEquals("soon", english.cell(ITEMS.columns().get(1), "soon"));
    }
}
