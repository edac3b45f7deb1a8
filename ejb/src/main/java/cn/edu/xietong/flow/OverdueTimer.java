package cn.edu.xietong.flow;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

import java.util.logging.Logger;

/** Runs the overdue sweep every ten minutes on every server (the sweep itself keeps servers from doubling up). */
@Singleton
public class OverdueTimer {

    private static final Logger LOG = Logger.getLogger(OverdueTimer.class.getName());

    @EJB
    private OverdueSweep sweep;

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "flow overdue sweep")
    void run() {
        int touched = sweep.sweep();
        if (touched > 0) {
            LOG.info(() -> "overdue sweep: reminded or escalated " + touched + " to-dos");
        }
    }
}
