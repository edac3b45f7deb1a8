package cn.edu.xietong.chat;

/** A conversation between two people, or a named group. */
public enum ConversationKind {
    DIRECT, GROUP
}
