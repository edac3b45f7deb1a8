package cn.edu.xietong.flow;

import cn.edu.xietong.shared.Bilingual;

/** A flow a proxy may be limited to (A2): chosen by its name, kept by its design code. */
public record DelegableFlow(String code, Bilingual name) {
}
