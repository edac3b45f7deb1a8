package cn.edu.xietong.flow.trail;

import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.InstanceSight;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The printable approval sheet (B3): the form as approved (without the fields hidden from the reader's nodes), every signed action of the trail with its opinion, and
 * the result of verifying the trail when the sheet was made, with the server key's id and the chain's head hash, so
 * that a printed sheet can be checked against the system. A4, in Chinese, with a CJK TrueType font of the server
 * ({@code -Dxietong.pdf.font}, or a WenQuanYi, AR PL or Droid font where Debian installs them).
 */
public final class ApprovalSheet {

    private static final List<String> FONT_PLACES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(Campus.zone());
    private static final float MARGIN = 50;
    private static final float LINE = 16;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream out;
    private float y;

    private ApprovalSheet() throws IOException {
        font = loadFont(document);
    }

    /** Where the sheet's font comes from, if the server has one. */
    public static Optional<Path> fontFile() {
        String configured = System.getProperty("xietong.pdf.font");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        return FONT_PLACES.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    private static PDType0Font loadFont(PDDocument document) throws IOException {
        Path file = fontFile().orElseThrow(() -> new DomainException("flow.sheet.noFont"));
        if (file.toString().endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return PDType0Font.load(document, first[0], true);
        }
        return PDType0Font.load(document, file.toFile());
    }

    /**
     * The sheet as PDF bytes.
     *
     * @param sight the instance as the reader may see it: the sheet shows nothing more
     * @param fileName how an attachment's uid is written (its name and hash)
     * @throws DomainException {@code flow.sheet.noFont} when the server has no CJK font
     */
    public static byte[] render(InstanceSight sight, String keyId, Function<String, String> personName,
                                Function<String, String> fileName) {
        InstanceSight.Summary instance = sight.summary();
        try {
            ApprovalSheet sheet = new ApprovalSheet();
            try (PDDocument doc = sheet.document) {
                sheet.write(sight, keyId, personName, fileName);
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle("审批单 " + instance.title());
                info.setCreator("协同办公系统 Xietong");
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                doc.save(bytes);
                return bytes.toByteArray();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the approval sheet of " + instance.uid(), e);
        }
    }

    private void write(InstanceSight sight, String keyId, Function<String, String> personName,
                       Function<String, String> fileName) throws IOException {
        InstanceSight.Summary instance = sight.summary();
        List<FlowAction> actions = sight.trail();
        TrailCheck check = sight.check();
        newPage();
        text(instance.design().zh() + " 审批单", 18);
        y -= 6;
        text("标题：" + instance.title(), 11);
        text("编号：" + instance.uid(), 9);
        text("发起人：" + instance.initiatorName() + "（" + instance.unit().zh() + "）"
                + "    提交时间：" + time(instance.submittedAt()), 11);
        text("状态：" + status(instance.status()) + (instance.finishedAt() == null ? ""
                : "    办结时间：" + time(instance.finishedAt())), 11);
        y -= 8;
        text("表单内容", 13);
        FormValues values = sight.values();
        for (FieldSpec field : sight.visibleFields()) {
            if (field.type() == FieldType.DETAIL) {
                text(field.labelZh() + "：", 11);
                for (Map<String, String> row : values.rows(field.key())) {
                    StringBuilder line = new StringBuilder("    ");
                    for (FieldSpec column : field.columns()) {
                        line.append(column.labelZh()).append(' ').append(row.getOrDefault(column.key(), "")).append("  ");
                    }
                    text(line.toString(), 10);
                }
                for (FieldSpec column : field.columns()) {
                    if (column.type().numeric()) {
                        text("    " + column.labelZh() + "合计：" + values.sum(field.key(), column.key()).toPlainString(), 10);
                    }
                }
            } else {
                String value = switch (field.type()) {
                    case PERSON -> values.text(field.key()).map(personName).orElse("");
                    case ATTACHMENT -> String.join("、", values.texts(field.key()).stream().map(fileName).toList());
                    default -> String.join("、", values.texts(field.key()));
                };
                text(field.labelZh() + "：" + value, 11);
            }
        }
        y -= 8;
        text("审批路径：" + String.join(" → ", sight.path().stream().map(NodeSpec::nameZh).toList()), 11);
        y -= 8;
        text("审批记录（每条经服务器电子签名，并与前一条首尾相连）", 13);
        for (FlowAction action : actions) {
            String who = action.getActorName() + (action.getOnBehalfOf() == null ? ""
                    : "（代 " + personName.apply(action.getOnBehalfOf()) + "）");
            text(action.getSeq() + ". " + time(action.getActedAt()) + "  " + sight.nodeName(action.getNodeId(),
                    Locale.SIMPLIFIED_CHINESE) + "  "
                    + who + "  " + kind(action.getKind()), 10);
            if (action.getOpinion() != null) {
                text("    意见：" + action.getOpinion(), 10);
            }
            text("    表单摘要 " + action.getFormHash().substring(0, 16) + "…  签名 " + action.getKeyId() + ":"
                    + action.getHash().substring(0, 16) + "…", 8);
        }
        y -= 8;
        text("签名验证", 13);
        text(check.isIntact() ? "签名验证通过：" + check.records() + " 条记录完整，均经服务器签名并首尾相连。"
                : "签名验证失败：第 " + check.firstBroken() + " 条记录" + problem(check.problem()) + "。", 11);
        text("服务器密钥 " + keyId + "    链尾 " + (actions.isEmpty() ? FlowAction.GENESIS
                : actions.get(actions.size() - 1).getHash()), 8);
        text("本审批单生成于 " + time(Instant.now()) + "，可用“导出记录”与命令行验证程序核对。", 9);
        out.close();
    }

    private static String status(InstanceStatus status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case RUNNING -> "审批中";
            case RETURNED -> "已退回";
            case WITHDRAWN -> "已撤回";
            case APPROVED -> "已通过";
            case REJECTED -> "未通过";
        };
    }

    private static String kind(ActionKind kind) {
        return switch (kind) {
            case SUBMIT -> "提交";
            case RESUBMIT -> "重新提交";
            case APPROVE -> "同意";
            case REJECT -> "不同意";
            case RETURN -> "退回";
            case WITHDRAW -> "撤回";
            case TRANSFER -> "转办";
            case ADD_APPROVERS -> "加签";
            case SKIP -> "自动通过";
            case READ -> "已阅";
            case URGE -> "催办";
            case COMMENT -> "督办意见";
            case ESCALATE -> "超期上报";
            case REASSIGN -> "管理员改派";
            case COMPLETE -> "审批完成";
        };
    }

    private static String problem(String problem) {
        return switch (problem) {
            case "altered" -> "被修改";
            case "removed" -> "缺失";
            case "reordered" -> "顺序被改动";
            case "unsigned" -> "没有签名";
            case "stale" -> "缺失（本服务器记下的链尾比数据库中的新：记录被删除或数据库被回滚）";
            case "formChanged" -> "之后表单内容被改动（与该条记录签名的表单摘要不符）";
            default -> "签名不符";
        };
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
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
