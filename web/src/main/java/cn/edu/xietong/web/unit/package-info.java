/** Pages for a unit's IT staff (O3.x): for now the unit security check (O3.4). */
package cn.edu.xietong.web.unit;
