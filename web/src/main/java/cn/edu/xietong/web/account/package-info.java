/** A person's own account: changing the password (S2). */
package cn.edu.xietong.web.account;
