/**
 * The settings that matter, in one place for the system administrator (O2.1).
 * {@link Setting} is the catalogue: every setting, its system property, its default, whether an administrator may
 * change it while the server runs, and the range a change must keep. A change is an override stored in the
 * {@code setting} table, which every server of a cluster reads (no copy per server that could go stale); without an
 * override the system property holds, else the default. {@link Settings} reads a setting for any service;
 * {@link Configuration} lists and changes them for the system administrator and audits every change before → after
 * (S5). What the page shows about the running server (version, build, database, mail gateway, virus scanner,
 * keystore) is the operations area's ({@code operations.ServerState}): this package sits below every area that reads
 * a setting and depends on none of them.
 */
package cn.edu.xietong.configuration;
