/**
 * The weekly cleanup as a JBeret job ({@code weekly-cleanup.xml}, E3, A4): a batchlet opens the run's report, one chunk
 * step per {@link cn.edu.xietong.cleanup.CleanupArea} removes that area's old items (each removal and its report line
 * in the chunk's transaction), a batchlet closes the report with an audit record. The rules are
 * {@link cn.edu.xietong.cleanup}'s; these artefacts only drive them.
 */
package cn.edu.xietong.batch.cleanup;
