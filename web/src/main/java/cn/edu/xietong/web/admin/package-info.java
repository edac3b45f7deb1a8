/** Administration pages for SYS_ADMIN (O2.1): for now the mail gateway settings and its test mail (C2). */
package cn.edu.xietong.web.admin;
