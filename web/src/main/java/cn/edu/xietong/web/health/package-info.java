/** The health endpoint for monitoring and load balancers (O2.5). */
package cn.edu.xietong.web.health;
