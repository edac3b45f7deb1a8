package cn.edu.xietong.flow;

/** The numbers on the home page (A2): open to-dos, of which overdue, unread copies, own flows still running. */
public record FlowCounts(long todo, long overdue, long unreadCopies, long running) {
}
