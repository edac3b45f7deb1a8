package cn.edu.xietong.flow.form;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A1: form templates, their checks, and the field-by-field validation of filled forms. */
class FormSchemaTest {

    private static final FormSchema EXPENSE = new FormSchema(List.of(
            FieldSpec.of("title", "标题", "Title", FieldType.TEXT, true).withMaxLength(20),
            FieldSpec.of("amount", "金额", "Amount", FieldType.MONEY, false)
                    .withRange(BigDecimal.ZERO, new BigDecimal("100000")),
            FieldSpec.of("period", "期间", "Period", FieldType.DATE_RANGE, false),
            FieldSpec.of("topics", "类别", "Topics", FieldType.MULTI_CHOICE, false).withOptions("差旅", "会议"),
            FieldSpec.of("payee", "收款人", "Payee", FieldType.PERSON, false),
            FieldSpec.of("items", "明细", "Items", FieldType.DETAIL, false).withColumns(
                    FieldSpec.of("what", "项目", "Item", FieldType.TEXT, true),
                    FieldSpec.of("cost", "金额", "Cost", FieldType.MONEY, true))));

    private static List<String> problems(Map<String, ?> values) {
        return EXPENSE.validate(FormValues.of(values), new References() {
            @Override
            public boolean personExists(String login) {
                return login.equals("wangwei");
            }

            @Override
            public boolean unitExists(String code) {
                return false;
            }

            @Override
            public boolean attachmentExists(String id) {
                return false;
            }
        }).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    @Test
    void aSoundFormHasNoProblems() {
        assertEquals(List.of(), problems(Map.of("title", "出差", "amount", "1200.50", "period", "2026-12-01/2026-12-03",
                "topics", List.of("差旅"), "payee", "wangwei",
                "items", List.of(Map.of("what", "机票", "cost", "1000"), Map.of("what", "住宿", "cost", "200.5")))));
    }

    @Test
    void everyProblemIsReportedAgainstItsField() {
        assertEquals(List.of("title:form.tooLong", "amount:form.moneyScale", "period:form.rangeBackwards",
                        "topics:form.badChoice", "payee:form.unknownPerson", "items[2].cost:form.notANumber",
                        "items[3].what:form.required"),
                problems(Map.of("title", "很长".repeat(11), "amount", "1.005", "period", "2026-12-03/2026-12-01",
                        "topics", List.of("旅游"), "payee", "nobody",
                        "items", List.of(Map.of("what", "机票", "cost", "1"), Map.of("what", "餐", "cost", "十元"),
                                Map.of("cost", "3")))));
    }

    @Test
    void requiredFieldsAndUnknownFieldsAreRefused() {
        assertEquals(List.of("extra:form.unknownField", "title:form.required"), problems(Map.of("extra", "x")));
        assertEquals(List.of("amount:form.aboveMax"), problems(Map.of("title", "t", "amount", "100000.01")));
    }

    @Test
    void detailColumnsAreSummedAndConditionsMayNameTheSum() {
        FormValues values = FormValues.of(Map.of("items", List.of(Map.of("what", "a", "cost", "1000.5"),
                Map.of("what", "b", "cost", "20"))));
        assertEquals(0, new BigDecimal("1020.5").compareTo(values.sum("items", "cost")));
        assertEquals(FieldType.MONEY, EXPENSE.conditionType("items.cost").orElseThrow());
        assertTrue(EXPENSE.conditionType("items.what").isEmpty(), "only number columns are summed");
        assertTrue(EXPENSE.conditionType("payee").isPresent());
    }

    @Test
    void theTemplateItselfIsChecked() {
        FormSchema bad = new FormSchema(List.of(
                FieldSpec.of("1st", "", "", FieldType.TEXT, false),
                FieldSpec.of("kind", "类型", "", FieldType.CHOICE, false),
                FieldSpec.of("kind", "再次", "", FieldType.NUMBER, false).withRange(BigDecimal.TEN, BigDecimal.ONE),
                FieldSpec.of("rows", "明细", "", FieldType.DETAIL, false).withColumns(
                        FieldSpec.of("files", "附件", "", FieldType.ATTACHMENT, false))));
        assertEquals(List.of("form.design.badKey", "form.design.badLabel", "form.design.badOptions",
                        "form.design.duplicateKey", "form.design.badRange", "form.design.badColumnType"),
                bad.problems().stream().map(FieldProblem::messageKey).toList());
        assertEquals(List.of(), EXPENSE.problems());
    }

    @Test
    void aTemplateSurvivesItsJsonAndValuesHaveOneCanonicalForm() {
        assertEquals(EXPENSE.fields(), FormSchema.fromJson(EXPENSE.toJson()).fields());
        FormValues a = FormValues.of(Map.of("b", " 2 ", "a", "1", "empty", "  "));
        FormValues b = FormValues.fromJson("{\"a\":\"1\",\"b\":\"2\"}");
        assertEquals(a, b);
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", a.canonicalJson());
        assertEquals(a.sha256(), b.sha256());
        assertNotEquals(a.sha256(), FormValues.of(Map.of("a", "1", "b", "3")).sha256());
    }

    /**
     * S3: a number has one notation — digits, an optional '.' and decimals, an optional leading '-' — so "1,5" is
     * refused instead of being read as 15 while it shows as "1,5"; full-width digits (Chinese input methods) count.
     */
    @Test
    void numbersHaveOneNotationAndAnythingElseIsRefused() {
        for (String bad : new String[]{"1,5", "1,000", "1 000", "1e3", "+5", ".5", "5.", "0x10", "1.2.3", "１，５", "--1"}) {
            assertEquals(List.of("amount:form.notANumber"), problems(Map.of("title", "t", "amount", bad)),
                    () -> "refused: " + bad);
            assertTrue(FormValues.parseNumber(bad).isEmpty(), () -> "no number: " + bad);
        }
        assertEquals(List.of("items[1].cost:form.notANumber"), problems(Map.of("title", "t",
                "items", List.of(Map.of("what", "a", "cost", "1,5")))));
        assertEquals(List.of(), problems(Map.of("title", "t", "amount", "１２３．５",
                "items", List.of(Map.of("what", "a", "cost", "-0.50")))));
    }

    @Test
    void numbersAreStoredInTheFormTheEngineUsesSoWhatIsShownIsWhatIsSummed() {
        FormValues typed = FormValues.of(Map.of("title", "１２", "amount", "１２３．５０",
                "items", List.of(Map.of("what", "a", "cost", "００７"), Map.of("what", "b", "cost", "－1.5"))));
        FormValues stored = EXPENSE.normalised(typed);
        assertEquals("123.50", stored.text("amount").orElseThrow());
        assertEquals("１２", stored.text("title").orElseThrow(), "text fields are kept as typed");
        assertEquals(List.of("7", "-1.5"), stored.rows("items").stream().map(r -> r.get("cost")).toList());
        assertEquals(0, new BigDecimal("5.5").compareTo(stored.sum("items", "cost")));
        assertEquals(stored, EXPENSE.normalised(stored), "normalising twice changes nothing");
        assertEquals("1,5", EXPENSE.normalised(FormValues.of(Map.of("amount", "1,5"))).text("amount").orElseThrow(),
                "what is no number is left for validation to refuse");
    }

    /** S3: a field label is a name a reader can see. */
    @Test
    void aLabelOfOnlyInvisibleCharactersIsRefused() {
        FormSchema invisible = new FormSchema(List.of(FieldSpec.of("a", "\u200B\u200C", "", FieldType.TEXT, false),
                FieldSpec.of("b", "选项", "", FieldType.CHOICE, false).withOptions("是", "\u2060")));
        assertEquals(List.of("form.design.badLabel", "form.design.badOptions"),
                invisible.problems().stream().map(FieldProblem::messageKey).toList());
        assertEquals("金额", FieldSpec.of("a", "\u202E金额", "\u202EAmount", FieldType.TEXT, false).labelZh());
    }

    private static final FormSchema LEAVE = new FormSchema(List.of(
            FieldSpec.of("period", "起止日期", "Dates", FieldType.DATE_RANGE, true),
            FieldSpec.of("days", "天数", "Days", FieldType.NUMBER, true).withDaysOf("period")));

    /** A1: the leave form's days are the working days of its dates: weekends and holidays do not count. */
    @Test
    void aNumberFieldCountsTheWorkingDaysOfItsDateRange() {
        java.util.Set<java.time.LocalDate> holidays = java.util.Set.of(java.time.LocalDate.parse("2026-12-31"));
        java.util.function.Predicate<java.time.LocalDate> working = day -> day.getDayOfWeek().getValue() < 6
                && !holidays.contains(day);
        assertEquals("5", LEAVE.withDaysWorkedOut(FormValues.of(Map.of("period", "2026-12-07/2026-12-13")), working)
                .text("days").orElseThrow(), "Monday to Sunday: five working days");
        assertEquals("2", LEAVE.withDaysWorkedOut(FormValues.of(Map.of("period", "2026-12-30/2027-01-01")), working)
                .text("days").orElseThrow(), "the holiday does not count");
        assertTrue(LEAVE.withDaysWorkedOut(FormValues.of(Map.of("period", "2026-12-13/2026-12-07")), working)
                .text("days").isEmpty(), "a range backwards fills nothing");
        assertTrue(LEAVE.problems().isEmpty(), LEAVE.problems().toString());
        assertEquals(List.of("form.design.badDaysOf"), new FormSchema(List.of(
                FieldSpec.of("days", "天数", "Days", FieldType.NUMBER, true).withDaysOf("nowhere"))).problems()
                .stream().map(FieldProblem::messageKey).toList(), "it must name a date range of the form");
    }
}
