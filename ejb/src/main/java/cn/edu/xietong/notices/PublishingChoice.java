package cn.edu.xietong.notices;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;

/** A category and unit the caller may submit items for (B4). */
public record PublishingChoice(long categoryId, Bilingual category, NoticeKind kind, long unitId, Bilingual unit)
        implements Serializable {
}
