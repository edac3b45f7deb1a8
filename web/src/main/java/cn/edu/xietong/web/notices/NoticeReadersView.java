package cn.edu.xietong.web.notices;

import cn.edu.xietong.notices.NoticeBoard;
import cn.edu.xietong.notices.ReadTracking;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * Backs notices/readers.xhtml (B4): who of an item's audience has read it and who not, for its writer and the leader
 * of its unit; a must-read item's unread readers are reminded from here.
 */
@Named
@ViewScoped
public class NoticeReadersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private NoticeBoard board;

    @Inject
    private Messages messages;

    private String id;
    private long noticeId;
    private ReadTracking tracking;

    public void load() {
        noticeId = PageRequest.id("id", id);
        tracking = board.readers(noticeId);
    }

    public void remind() {
        try {
            int told = board.remindUnread(noticeId);
            messages.info("notice.reminded", told);
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    /** The share of the audience that has read it, in percent. */
    public int getPercent() {
        return tracking.audience() == 0 ? 0 : Math.round(100f * tracking.read().size() / tracking.audience());
    }

    public ReadTracking getTracking() {
        return tracking;
    }

    public long getNoticeId() {
        return noticeId;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
