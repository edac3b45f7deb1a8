/** The daily presence report page (B1). */
package cn.edu.xietong.web.presence;
