package cn.edu.xietong.mailbox;

/** How a recipient is addressed (A4): blind copies are seen by the sender only. */
public enum AddressKind {
    TO, CC, BCC
}
