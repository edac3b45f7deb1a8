package cn.edu.xietong.mail;

import java.util.List;

/**
 * What a module contributes to the list of notification kinds a person may have e-mailed (C2). A module declares its
 * kinds in an application-scoped CDI bean implementing this; the gateway gathers them all ({@link MailKinds}).
 */
public interface MailableKinds {

    /** The module's kinds, in the order a person's settings page lists them. */
    List<MailKind> mailableKinds();
}
