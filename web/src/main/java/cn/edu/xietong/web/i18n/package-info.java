/** Languages: Simplified Chinese by default, English complete; the choice is kept in the session and a cookie. */
package cn.edu.xietong.web.i18n;
