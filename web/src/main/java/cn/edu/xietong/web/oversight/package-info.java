/**
 * Pages of the supervising office and the system administrator that look across units: the recertification report
 * (O3.2).
 */
package cn.edu.xietong.web.oversight;
