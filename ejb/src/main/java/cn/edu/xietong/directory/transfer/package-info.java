/**
 * Bulk import and export of the directory (O3.1, O2.6): units and staff as CSV or Excel (.xlsx), with a preview that
 * lists every row's problems; nothing is imported while any row is wrong.
 */
package cn.edu.xietong.directory.transfer;
