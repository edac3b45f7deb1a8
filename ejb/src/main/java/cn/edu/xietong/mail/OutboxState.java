package cn.edu.xietong.mail;

/**
 * Where an outbox mail stands (C2). {@code HELD}: waiting for the person's daily digest; {@code PENDING}: to be sent
 * at its next attempt; {@code SENDING}: claimed by a sender until its lease ends; {@code SENT}: the SMTP server took
 * it; {@code FAILED}: every attempt failed; {@code CANCELLED}: an administrator stopped it; {@code DIGESTED}: gathered
 * into a digest mail.
 */
public enum OutboxState {
    HELD, PENDING, SENDING, SENT, FAILED, CANCELLED, DIGESTED
}
