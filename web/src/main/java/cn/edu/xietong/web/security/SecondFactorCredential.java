package cn.edu.xietong.web.security;

import jakarta.security.enterprise.credential.Credential;

/** The second step of a login: the ticket the right password earned, and a code from the authenticator app. */
record SecondFactorCredential(String ticket, String code) implements Credential {
}
