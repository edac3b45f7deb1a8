/**
 * The home page's figures (工作台): what is waiting for the caller. Each figure is filled by the area that owns it:
 * to-dos by the flow engine (issue #4, B2), unread mail by internal mail (A4).
 */
package cn.edu.xietong.workbench;
