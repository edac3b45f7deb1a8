package cn.edu.xietong.documents;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;

/** A grant as the rights dialog lists it: whom it names (a unit, a role or a person) and what it allows. */
public record GrantLine(long id, Grantee grantee, Bilingual unit, String role, String personName, String login,
                        Access access) implements Serializable {
}
