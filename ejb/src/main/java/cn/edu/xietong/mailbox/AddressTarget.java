package cn.edu.xietong.mailbox;

/** What an address names (A4, O2.7): a person, everyone in a unit (its sub-offices included), its leaders, a group. */
public enum AddressTarget {
    PERSON, UNIT, UNIT_LEADERS, GROUP
}
