package cn.edu.xietong.notices;

import java.io.Serializable;
import java.util.List;

/**
 * What the workbench's portal cards show of the notices (B4): the newest notices and announcements, the newest news
 * with their pictures, and the must-read items the reader has not read yet.
 */
public record NoticePortal(List<ListedNotice> latest, List<NewsCard> news, List<ListedNotice> mustRead)
        implements Serializable {
}
