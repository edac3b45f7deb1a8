package cn.edu.xietong.web.notices;

import cn.edu.xietong.notices.ListedNotice;
import cn.edu.xietong.notices.NoticeBoard;
import cn.edu.xietong.notices.NoticeKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** Backs notices/board.xhtml (B4): what the reader may read, of one kind ({@code ?kind=NEWS}) or all, pinned first. */
@Named
@RequestScoped
public class NoticeBoardView {

    @EJB
    private NoticeBoard board;

    private String kind;
    private List<ListedNotice> notices;

    public List<ListedNotice> getNotices() {
        if (notices == null) {
            notices = board.visible(getChosenKind(), NoticeBoard.MOST);
        }
        return notices;
    }

    /** The kind chosen; an unknown one shows all. */
    public NoticeKind getChosenKind() {
        for (NoticeKind k : NoticeKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    public NoticeKind[] getKinds() {
        return NoticeKind.values();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
