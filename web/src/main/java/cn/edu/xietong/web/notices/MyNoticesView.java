package cn.edu.xietong.web.notices;

import cn.edu.xietong.notices.ListedNotice;
import cn.edu.xietong.notices.Publishing;
import cn.edu.xietong.notices.PublishingChoice;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** Backs notices/mine.xhtml (B4): the caller's own items, and what they may start a new one for. */
@Named
@RequestScoped
public class MyNoticesView {

    @EJB
    private Publishing publishing;

    private List<ListedNotice> mine;
    private List<PublishingChoice> choices;

    public List<ListedNotice> getMine() {
        if (mine == null) {
            mine = publishing.mine();
        }
        return mine;
    }

    /** The categories and units the caller holds a publishing right for (none: they may not write at all). */
    public List<PublishingChoice> getChoices() {
        if (choices == null) {
            choices = publishing.myChoices();
        }
        return choices;
    }
}
