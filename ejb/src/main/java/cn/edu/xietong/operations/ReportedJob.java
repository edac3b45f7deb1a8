package cn.edu.xietong.operations;

/**
 * A batch job whose runs keep a report ({@link JobReports}, C1): its first step opens the report with what the run
 * found to work on ({@link JobReports#FOUND}, the total of its progress), its chunk steps add lines, its last step
 * ends the report and answers a summary. Both ends are idempotent, so a restarted run neither counts nor tells twice.
 * The batch module's one opening and closing step ({@code jobReport}) finds the implementation by the job's name.
 */
public interface ReportedJob {

    /** The job's XML name. */
    String jobName();

    /** Opens the report of the run of a job instance and records what it found (nothing again on a restart). */
    void begin(long instanceId, String startedBy);

    /** Ends the report (once) with what the job does at the end; answers the run's summary, for the exit status. */
    String finish(long instanceId, String startedBy);
}
