/**
 * What happens when Xietong starts: the schema is migrated (Flyway owns it), then either the demo university is loaded
 * (demo mode only) or the first system administrator is created from the environment. No account ever has a default
 * password outside demo mode (S2).
 */
package cn.edu.xietong.setup;
