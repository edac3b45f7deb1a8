package cn.edu.xietong.workbench;

/** What waits for the caller on the home page. */
public record WorkbenchCounts(long todos, long overdueTodos, long unreadMail) {
}
