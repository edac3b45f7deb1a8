package cn.edu.xietong.setup;

import java.util.Optional;

/**
 * When demo mode must not start (S3): demo accounts share a published password, so they never go into a production
 * database. Demo mode refuses PostgreSQL, the production database (unless the throwaway database of the test suite
 * says so with {@code -Dxietong.demo.allowPostgresql=true}), and any database that already holds a university that
 * demo mode did not load.
 *
 * @param postgresql      whether the database is PostgreSQL
 * @param allowPostgresql whether a throwaway PostgreSQL database of the test suite may take the demo
 * @param units           how many units the database holds
 * @param demoInstalled   whether demo mode filled this database (its installation row says DEMO)
 */
public record DemoGuard(boolean postgresql, boolean allowPostgresql, long units, boolean demoInstalled) {

    /** Why demo mode must not start here, if it must not. */
    public Optional<String> refusal() {
        if (postgresql && !allowPostgresql) {
            return Optional.of("demo mode is for trying Xietong out on its embedded H2 database and never runs on"
                    + " PostgreSQL, the production database; start without -Dxietong.demo=true");
        }
        if (units > 0 && !demoInstalled) {
            return Optional.of("demo mode refuses this database: it holds a university that demo mode did not load"
                    + " (" + units + " units); start without -Dxietong.demo=true");
        }
        return Optional.empty();
    }
}
