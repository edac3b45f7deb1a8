package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;

/** A unit as a choice on the notices' pages. */
public record UnitLine(long id, String code, Bilingual name) implements Serializable {

    public static UnitLine of(Unit u) {
        return new UnitLine(u.getId(), u.getCode(), new Bilingual(u.getNameZh(), u.getNameEn()));
    }
}
