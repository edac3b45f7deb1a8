package cn.edu.xietong.web.shared;

/**
 * A page asked for with a parameter that names nothing (S3): missing answers 404, malformed answers 400. Thrown by a
 * page's load, answered by {@link RefusalExceptionHandler}, so no page renders half-empty or fails with 500.
 */
public final class PageRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private PageRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The id a page parameter gives: 404 when it is missing, 400 when it is not a positive whole number. */
    public static long id(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new PageRequest(404, "parameter " + name + " missing");
        }
        try {
            long id = Long.parseLong(raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException malformed) {
            // answered below
        }
        throw new PageRequest(400, "parameter " + name + " is not an id");
    }

    /** A parameter that is there but names nothing this page knows: 400. */
    public static PageRequest malformed(String name) {
        return new PageRequest(400, "parameter " + name + " is malformed");
    }

    public int status() {
        return status;
    }
}
