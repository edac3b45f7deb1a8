package cn.edu.xietong.web.notices;

import cn.edu.xietong.notices.NoticeBoard;
import cn.edu.xietong.notices.NoticeUnderReview;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Backs notices/review.xhtml (B4): the whole item a publishing flow instance ({@code ?instance=}) decides on. */
@Named
@RequestScoped
public class ReviewItemView {

    @EJB
    private NoticeBoard board;

    private String instance;
    private long instanceId;
    private NoticeUnderReview item;

    public void load() {
        instanceId = PageRequest.id("instance", instance);
        item = board.underReview(instanceId);
    }

    public NoticeUnderReview getItem() {
        return item;
    }

    public long getInstanceId() {
        return instanceId;
    }

    public String getInstance() {
        return instance;
    }

    public void setInstance(String instance) {
        this.instance = instance;
    }
}
