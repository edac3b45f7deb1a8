package cn.edu.xietong.operations;

import java.io.Serializable;

/**
 * One line of the server's state on the administrator's page: what it is about (a message key), a value that is data
 * (versions, addresses, file names: shown as they are), an optional remark (a message key) and whether it is well.
 */
public record StateItem(String labelKey, String value, String remarkKey, boolean ok) implements Serializable {

    static StateItem good(String labelKey, String value) {
        return new StateItem(labelKey, value, null, true);
    }

    static StateItem bad(String labelKey, String value, String remarkKey) {
        return new StateItem(labelKey, value, remarkKey, false);
    }
}
