package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.PersonCandidate;

import java.io.Serializable;

/**
 * A5: the person about to be addressed bears the name of someone else the writer mailed last time under that name —
 * both shown with unit and post, so that the writer sees which 王伟 they are writing to.
 */
public record SameNameWarning(PersonCandidate now, PersonCandidate lastTime) implements Serializable {
}
