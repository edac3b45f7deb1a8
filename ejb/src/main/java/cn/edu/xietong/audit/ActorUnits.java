package cn.edu.xietong.audit;

import java.util.Optional;

/**
 * Where the audit trail learns the unit of the person who acted (S5: a record names the actor's unit as it was then).
 * The directory provides it; the trail, below the directory, knows only this.
 */
public interface ActorUnits {

    /** The code of the unit of the person with this login, if there is one. */
    Optional<String> unitCodeOf(String login);
}
