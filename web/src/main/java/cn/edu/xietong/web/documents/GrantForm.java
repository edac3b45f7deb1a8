package cn.edu.xietong.web.documents;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.documents.Access;
import cn.edu.xietong.documents.Grantee;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.web.shared.Messages;

import java.io.Serializable;

/**
 * What the rights panel holds while a manager grants a right (O3.5): to a unit (with its sub-offices), the holders of
 * a role or a person chosen with the picker, READ, WRITE or MANAGE, on the library, a folder or one document. One form
 * for the library page and the document page ({@code WEB-INF/templates/document-rights.xhtml}).
 */
public class GrantForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Grantee grantee = Grantee.UNIT;
    private String unit;
    private Role role;
    private String login;
    private Access access = Access.READ;

    /** Grants what the form holds on the library, folder or document given; answers whether it was granted. */
    boolean grant(Libraries libraries, long libraryId, Long folderId, Long documentId, Messages messages) {
        Long unitId = grantee == Grantee.UNIT && unit != null && !unit.isBlank() ? Long.valueOf(unit) : null;
        String roleName = grantee == Grantee.ROLE && role != null ? role.name() : null;
        String person = grantee == Grantee.PERSON ? login : null;
        boolean granted = messages.attempt(() -> libraries.grant(libraryId, folderId, documentId, grantee, unitId,
                roleName, person, access), "documents.granted");
        if (granted) {
            unit = null;
            role = null;
            login = null;
        }
        return granted;
    }

    public Grantee[] getGrantees() {
        return Grantee.values();
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public Access[] getAccesses() {
        return new Access[]{Access.READ, Access.WRITE, Access.MANAGE};
    }

    public Grantee getGrantee() {
        return grantee;
    }

    public void setGrantee(Grantee grantee) {
        this.grantee = grantee;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public Access getAccess() {
        return access;
    }

    public void setAccess(Access access) {
        this.access = access;
    }
}
