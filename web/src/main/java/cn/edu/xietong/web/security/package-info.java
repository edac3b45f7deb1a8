/**
 * Login with Jakarta Security (S2, S3): a custom form mechanism backed by the login page, and an identity store that
 * checks credentials against Xietong's own directory through {@link cn.edu.xietong.security.Authentication}.
 */
package cn.edu.xietong.web.security;
