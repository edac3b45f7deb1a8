package cn.edu.xietong.web.ops;

import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.schedule.ScheduleRow;
import cn.edu.xietong.schedule.Schedules;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Backs ops/schedules.xhtml (C1): every job's schedule; the operator picks one, edits its calendar expression (or takes
 * a common one), previews the next runs in the campus time zone, switches it on or off and saves; a job also runs now.
 */
@Named
@ViewScoped
public class SchedulesView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Common expressions offered beside the field; their labels are {@code schedule.preset.<index>}. */
    private static final List<String> PRESETS = List.of("0 2 * * SUN", "0 4 * * SUN", "0 7 * * MON", "0 3 * * *",
            "30 7 * * MON-FRI", "0 1 1 * *");

    @EJB
    private Schedules schedules;

    @EJB
    private BatchJobs jobs;

    @Inject
    private Messages messages;

    private transient List<ScheduleRow> rows;
    private BatchJob editing;
    private String expression;
    private boolean on;
    private transient List<ZonedDateTime> preview;

    public List<ScheduleRow> getRows() {
        if (rows == null) {
            rows = schedules.all();
        }
        return rows;
    }

    public void edit(ScheduleRow row) {
        editing = row.job();
        expression = row.expression();
        on = row.on();
        preview();
    }

    public void cancel() {
        editing = null;
        preview = null;
    }

    /** Shows the next runs of the expression in the field, or why it cannot be used. */
    public void preview() {
        preview = null;
        try {
            preview = schedules.preview(expression);
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void save() {
        if (messages.attempt(() -> schedules.change(editing, expression, on), "schedule.saved")) {
            editing = null;
            preview = null;
            rows = null;
        }
    }

    public void runNow(ScheduleRow row) {
        long executionId = jobs.start(row.job());
        messages.info("jobs.started", messages.text("job." + row.job().xmlName()), executionId);
        rows = null;
    }

    public List<String> getPresets() {
        return PRESETS;
    }

    public String presetLabel(String preset) {
        return messages.text("schedule.preset." + PRESETS.indexOf(preset)) + " — " + preset;
    }

    /** The campus time zone every time on the page is in. */
    public String getZone() {
        return cn.edu.xietong.shared.Campus.zone().getId();
    }

    public BatchJob getEditing() {
        return editing;
    }

    public String getExpression() {
        return expression;
    }

    public void setExpression(String expression) {
        this.expression = expression;
    }

    public boolean isOn() {
        return on;
    }

    public void setOn(boolean on) {
        this.on = on;
    }

    public List<ZonedDateTime> getPreview() {
        return preview;
    }
}
