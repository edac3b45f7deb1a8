package cn.edu.xietong.mail;

/** When a kind of notification reaches a person's e-mail (C2): not at all, at once, or in the daily digest. */
public enum Delivery {
    NONE, IMMEDIATE, DIGEST
}
