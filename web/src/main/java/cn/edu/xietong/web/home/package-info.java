/** The home page (工作台): who you are and what waits for you. */
package cn.edu.xietong.web.home;
