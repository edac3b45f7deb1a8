package cn.edu.xietong.mailbox;

import java.io.Serializable;

/**
 * How much of a quota a mailbox uses (A4): every mail counts once per mailbox it is in, whether stored once or not,
 * as people expect of a mailbox. Near the limit the owner is asked to clean up; over it they can still receive, but
 * sending asks them to clean up first.
 */
public record MailboxUsage(long usedBytes, long quotaBytes, int warnPercent) implements Serializable {

    public int percent() {
        return quotaBytes == 0 ? 100 : (int) Math.min(100, usedBytes * 100 / quotaBytes);
    }

    public boolean nearLimit() {
        return usedBytes * 100 >= quotaBytes * warnPercent;
    }

    public boolean over() {
        return usedBytes >= quotaBytes;
    }
}
