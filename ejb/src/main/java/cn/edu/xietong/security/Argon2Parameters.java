package cn.edu.xietong.security;

/**
 * The cost of an Argon2id hash.
 *
 * @param memoryKiB   memory in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {

    /** OWASP Password Storage Cheat Sheet's first recommended Argon2id configuration: m=19 MiB, t=2, p=1. */
    public static final Argon2Parameters OWASP = new Argon2Parameters(19 * 1024, 2, 1);

    public Argon2Parameters {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters m=" + memoryKiB + " t=" + iterations
                    + " p=" + parallelism);
        }
    }

    /** True when these parameters cost less than {@code other} in memory or time. */
    public boolean weakerThan(Argon2Parameters other) {
        return memoryKiB < other.memoryKiB || iterations < other.iterations;
    }
}
