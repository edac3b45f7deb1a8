/** The in-app help (O2.4): the user guide served by the application, and each page's section of it. */
package cn.edu.xietong.web.help;
