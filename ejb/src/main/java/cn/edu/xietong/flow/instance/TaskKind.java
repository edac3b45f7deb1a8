package cn.edu.xietong.flow.instance;

public enum TaskKind {
    /** A to-do (待办) that decides. */
    APPROVAL,
    /** A copy to read (待阅), with a read receipt. */
    COPY
}
