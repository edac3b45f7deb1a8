package cn.edu.xietong.notices;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;

/** A publishing right as the rights page lists it: who may submit which category for which unit, since when, by whom. */
public record RightLine(String login, String name, long unitId, Bilingual unit, long categoryId, Bilingual category,
                        NoticeKind kind, Instant grantedAt, String grantedBy) implements Serializable {

    static RightLine of(PublishingRight r) {
        return new RightLine(r.getPerson().getLogin(), r.getPerson().getFullName(), r.getUnit().getId(),
                new Bilingual(r.getUnit().getNameZh(), r.getUnit().getNameEn()), r.getCategory().getId(),
                r.getCategory().name(), r.getCategory().getKind(), r.getGrantedAt(), r.getGrantedBy());
    }
}
