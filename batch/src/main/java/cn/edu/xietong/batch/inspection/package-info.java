/**
 * The confidentiality inspection job ({@code confidentiality-inspection.xml}, O1.7, C1): a batchlet opens the report,
 * four chunk steps go through the ids of documents, people, running core flows and top-level units (each checkpoint is
 * the last id done, so a restart goes on after it), and a batchlet ends the report and tells the supervising office.
 * Every artefact only delegates to {@link cn.edu.xietong.inspection.ConfidentialityInspection}.
 */
package cn.edu.xietong.batch.inspection;
