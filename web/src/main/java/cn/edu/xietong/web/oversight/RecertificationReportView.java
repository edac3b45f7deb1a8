package cn.edu.xietong.web.oversight;

import cn.edu.xietong.security.MembershipReview;
import cn.edu.xietong.security.Recertification;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs oversight/recertification.xhtml (O3.2): members whose confirmation by their unit's IT staff is overdue, and
 * members reported as no longer belonging, for the system administrator and the supervising office.
 */
@Named
@RequestScoped
public class RecertificationReportView {

    @EJB
    private Recertification recertification;

    private List<Recertification.Review> overdue;
    private List<MembershipReview> leavers;

    public List<Recertification.Review> getOverdue() {
        if (overdue == null) {
            overdue = recertification.overdue();
        }
        return overdue;
    }

    public List<MembershipReview> getLeavers() {
        if (leavers == null) {
            leavers = recertification.reportedLeavers();
        }
        return leavers;
    }
}
