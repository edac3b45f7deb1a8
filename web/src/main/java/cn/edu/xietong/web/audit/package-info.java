/** The audit administrator's pages (S5): search, verify and export the audit trail. */
package cn.edu.xietong.web.audit;
