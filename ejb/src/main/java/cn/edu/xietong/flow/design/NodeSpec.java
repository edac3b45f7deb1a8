package cn.edu.xietong.flow.design;

import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.DisplayText;
import java.util.Locale;
import java.util.Set;

/**
 * One node of a design (O1.3): its id (stable, named by returns and by instances), names, how its handlers decide,
 * who they are, the condition that puts it on the path (none: always), its deadline in working days (B2, default
 * one), the fields its handlers may edit and those hidden from them, and what a return from it does (A3).
 */
public record NodeSpec(String id, String nameZh, String nameEn, NodeKind kind, HandlerRule handler,
                       Condition condition, int deadlineDays, Set<String> editable, Set<String> hidden,
                       ResubmitPolicy onResubmit) {

    public static final int DEFAULT_DEADLINE_DAYS = 1;

    public NodeSpec {
        nameZh = nameZh == null ? null : DisplayText.clean(nameZh);
        nameEn = nameEn == null ? null : DisplayText.clean(nameEn);
        editable = editable == null ? Set.of() : Set.copyOf(editable);
        hidden = hidden == null ? Set.of() : Set.copyOf(hidden);
        onResubmit = onResubmit == null ? ResubmitPolicy.RERUN : onResubmit;
        deadlineDays = deadlineDays < 1 ? DEFAULT_DEADLINE_DAYS : deadlineDays;
    }

    public static NodeSpec of(String id, String nameZh, String nameEn, NodeKind kind, HandlerRule handler) {
        return new NodeSpec(id, nameZh, nameEn, kind, handler, null, DEFAULT_DEADLINE_DAYS, Set.of(), Set.of(),
                ResubmitPolicy.RERUN);
    }

    public NodeSpec when(Condition guard) {
        return new NodeSpec(id, nameZh, nameEn, kind, handler, guard, deadlineDays, editable, hidden, onResubmit);
    }

    public NodeSpec returning(ResubmitPolicy policy) {
        return new NodeSpec(id, nameZh, nameEn, kind, handler, condition, deadlineDays, editable, hidden, policy);
    }

    public NodeSpec editing(String... fields) {
        return new NodeSpec(id, nameZh, nameEn, kind, handler, condition, deadlineDays, Set.of(fields), hidden,
                onResubmit);
    }

    public NodeSpec hiding(String... fields) {
        return new NodeSpec(id, nameZh, nameEn, kind, handler, condition, deadlineDays, editable, Set.of(fields),
                onResubmit);
    }

    public NodeSpec due(int workingDays) {
        return new NodeSpec(id, nameZh, nameEn, kind, handler, condition, workingDays, editable, hidden, onResubmit);
    }

    public Bilingual name() {
        return new Bilingual(nameZh, nameEn);
    }

    public String name(Locale locale) {
        return name().in(locale);
    }
}
