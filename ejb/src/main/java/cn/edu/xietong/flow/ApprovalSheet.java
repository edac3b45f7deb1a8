package cn.edu.xietong.flow;

import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.form.ValueText;
import cn.edu.xietong.flow.instance.InstanceSight;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.flow.trail.TrailCheck;
import cn.edu.xietong.shared.Bundles;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.CjkFont;
import cn.edu.xietong.shared.DomainException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The printable approval sheet (B3): the form as approved (without the fields hidden from the reader's nodes), every signed action of the trail with its opinion, and
 * the result of verifying the trail when the sheet was made, with the server key's id and the chain's head hash, so
 * that a printed sheet can be checked against the system. A4, in the reader's language (Chinese or English), with a
 * CJK TrueType font of the server
 * ({@code -Dxietong.pdf.font}, or a WenQuanYi, AR PL or Droid font where Debian installs them).
 */
public final class ApprovalSheet {

    private static final String TEXTS = "cn.edu.xietong.flow.SheetText";
    private static final float MARGIN = 50;
    private static final float LINE = 16;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final Locale locale;
    private final ResourceBundle texts;
    private final DateTimeFormatter time;
    private PDPageContentStream out;
    private float y;

    private ApprovalSheet(Locale locale) throws IOException {
        this.locale = locale;
        this.texts = Bundles.of(TEXTS, locale);
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(Campus.zone());
        font = CjkFont.load(document, "flow.sheet.noFont");
    }

    /** Where the sheet's font comes from, if the server has one. */
    public static Optional<Path> fontFile() {
        return CjkFont.file();
    }

    /**
     * The sheet as PDF bytes, in the language of the person who asks for it.
     *
     * @param sight the instance as the reader may see it: the sheet shows nothing more
     * @param values how the form's values read in the reader's language (people, units and files by name)
     * @throws DomainException {@code flow.sheet.noFont} when the server has no CJK font
     */
    public static byte[] render(InstanceSight sight, String keyId, Locale locale, ValueText values,
                                Function<String, String> personName, Instant now) {
        InstanceSight.Summary instance = sight.summary();
        try {
            ApprovalSheet sheet = new ApprovalSheet(locale);
            try (PDDocument doc = sheet.document) {
                sheet.write(sight, keyId, values, personName, now);
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(sheet.t("document", instance.title()));
                info.setCreator(sheet.t("creator"));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                doc.save(bytes);
                return bytes.toByteArray();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the approval sheet of " + instance.uid(), e);
        }
    }

    private void write(InstanceSight sight, String keyId, ValueText values, Function<String, String> personName,
                       Instant now) throws IOException {
        InstanceSight.Summary instance = sight.summary();
        List<FlowAction> actions = sight.trail();
        TrailCheck check = sight.check();
        newPage();
        text(t("heading", instance.design().in(locale)), 18);
        y -= 6;
        text(t("title", instance.title()), 11);
        text(t("number", instance.uid()), 9);
        text(t("initiator", instance.initiatorName(), instance.unit().in(locale), time(instance.submittedAt())), 11);
        text(t("status", t("status." + instance.status())) + (instance.finishedAt() == null ? ""
                : t("finished", time(instance.finishedAt()))), 11);
        y -= 8;
        text(t("form"), 13);
        FormValues form = sight.values();
        for (FieldSpec field : sight.visibleFields()) {
            if (field.type() == FieldType.DETAIL) {
                text(t("field", field.label(locale), ""), 11);
                for (Map<String, String> row : values.rows(field, form)) {
                    StringBuilder line = new StringBuilder("    ");
                    for (FieldSpec column : field.columns()) {
                        line.append(column.label(locale)).append(' ').append(row.get(column.key())).append("  ");
                    }
                    text(line.toString(), 10);
                }
                for (FieldSpec column : field.columns()) {
                    if (column.type().numeric()) {
                        text(t("sum", column.label(locale), values.sum(field, column, form)), 10);
                    }
                }
            } else {
                text(t("field", field.label(locale), values.of(field, form)), 11);
            }
        }
        y -= 8;
        text(t("path", String.join(" → ", sight.path().stream().map(node -> node.name(locale)).toList())), 11);
        y -= 8;
        text(t("records"), 13);
        for (FlowAction action : actions) {
            String actor = FlowAction.SYSTEM.equals(action.getActorLogin()) ? t("system") : action.getActorName();
            String who = actor + (action.getOnBehalfOf() == null ? ""
                    : " " + t("onBehalfOf", personName.apply(action.getOnBehalfOf())));
            text(action.getSeq() + ". " + time(action.getActedAt()) + "  " + sight.nodeName(action.getNodeId(), locale)
                    + "  " + who + "  " + t("kind." + action.getKind()), 10);
            if (action.getOpinion() != null) {
                text(t("opinion", action.getOpinion()), 10);
            }
            text(t("seal", action.getFormHash().substring(0, 16), action.getKeyId(),
                    action.getHash().substring(0, 16)), 8);
        }
        y -= 8;
        text(t("verification"), 13);
        text(check.isIntact() ? t("intact", check.records())
                : t("broken", check.firstBroken(), problem(check.problem())), 11);
        text(t("key", keyId, actions.isEmpty() ? FlowAction.GENESIS : actions.get(actions.size() - 1).getHash()), 8);
        text(t("made", time(now)), 9);
        out.close();
    }

    /** A text of the sheet in its language, with its arguments. */
    private String t(String key, Object... arguments) {
        String pattern = texts.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private String problem(String problem) {
        return texts.containsKey("problem." + problem) ? texts.getString("problem." + problem)
                : texts.getString("problem.other");
    }

    private String time(Instant at) {
        return at == null ? "" : time.format(at);
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    /** Writes a paragraph, wrapped to the page width, starting a new page when the page is full. */
    private void text(String paragraph, float size) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        for (String line : wrap(printable(paragraph.replace('\n', ' ').replace('\t', ' ')), size, width)) {
            if (y < MARGIN + LINE) {
                newPage();
            }
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(line);
            out.endText();
            y -= Math.max(LINE, size + 6);
        }
    }

    /** The text with characters the font cannot show (emoji, rare ideographs) replaced by a question mark. */
    private String printable(String text) {
        StringBuilder result = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String one = new String(Character.toChars(cp));
            try {
                font.encode(one);
                result.append(one);
            } catch (IllegalArgumentException | IOException e) {
                result.append('?');
            }
        });
        return result.toString();
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String next = line + new String(Character.toChars(cp));
            if (font.getStringWidth(next) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(new String(Character.toChars(cp)));
            } else {
                line = new StringBuilder(next);
            }
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }
}
