package cn.edu.xietong.web.notices;

import cn.edu.xietong.notices.NoticeBoard;
import cn.edu.xietong.notices.OpenedNotice;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * Backs notices/notice.xhtml (B4, E1): {@code ?id=} opened by a reader of its audience (the service records the
 * reading), and {@code &version=} an earlier published version of it.
 */
@Named
@ViewScoped
public class NoticeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private NoticeBoard board;

    private String id;
    private String version;
    private OpenedNotice opened;
    private String earlierHtml;
    private Integer earlierNumber;

    public void load() {
        long noticeId = PageRequest.id("id", id);
        opened = board.open(noticeId);
        if (version != null && !version.isBlank()) {
            long versionId = PageRequest.id("version", version);
            earlierHtml = board.versionHtml(noticeId, versionId);
            earlierNumber = opened.versions().stream().filter(v -> v.id() == versionId).map(v -> v.number())
                    .findFirst().orElse(null);
        }
    }

    public OpenedNotice getOpened() {
        return opened;
    }

    /** The text shown: an earlier version's when one was asked for, else the published one's. */
    public String getHtml() {
        return earlierHtml != null ? earlierHtml : opened.html();
    }

    public Integer getEarlierNumber() {
        return earlierNumber;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
