/**
 * The confidentiality inspection (O1.7; S4, S2, S3, O1.4, O2.7): the rules a weekly batch run applies to every
 * document, person, running core flow and top-level unit, and the reports the supervising office reads. What counts
 * as a finding is in {@link cn.edu.xietong.inspection.FindingKind} and
 * {@link cn.edu.xietong.inspection.ControlledReach};
 * {@link cn.edu.xietong.inspection.ConfidentialityInspection} applies the rules for the job's steps (batch operator),
 * {@link cn.edu.xietong.inspection.InspectionReports} gives the newest report, the trend and the export to the
 * supervising office. The lines are stored as {@link cn.edu.xietong.operations.JobReport} lines.
 */
package cn.edu.xietong.inspection;
