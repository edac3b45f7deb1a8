package cn.edu.xietong.flow.form;

/** The kinds of form field (A1). Names are stored in form templates. */
public enum FieldType {
    TEXT,
    LONG_TEXT,
    NUMBER,
    /** An amount in yuan with at most two decimals. */
    MONEY,
    DATE,
    /** Two dates, stored as the ISO 8601 interval {@code 2026-12-01/2026-12-03}. */
    DATE_RANGE,
    CHOICE,
    MULTI_CHOICE,
    /** A person, stored by login name. */
    PERSON,
    /** A unit, stored by code. */
    UNIT,
    /** Uploaded files, stored by their ids. */
    ATTACHMENT,
    /** Repeating detail rows (明细表) of simple columns; number and money columns are summed. */
    DETAIL;

    public boolean numeric() {
        return this == NUMBER || this == MONEY;
    }

    /** Types a detail row's column may have. */
    public boolean allowedInDetail() {
        return this == TEXT || this == NUMBER || this == MONEY || this == DATE || this == CHOICE;
    }
}
