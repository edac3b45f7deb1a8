/** What every page shares: translated messages and the logged-in person. */
package cn.edu.xietong.web.shared;
