/** Operations pages for batch operators (C1): the job catalogue, runs and their reports. */
package cn.edu.xietong.web.ops;
