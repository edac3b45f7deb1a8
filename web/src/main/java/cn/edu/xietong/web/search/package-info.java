/** The search page (B4, O3.5) and the header's search box, over {@code cn.edu.xietong.search}. */
package cn.edu.xietong.web.search;
