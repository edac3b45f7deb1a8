/**
 * Full-text search over what a person may read (B4, O3.5): notices, their own mail, and later documents. Each server
 * keeps its own Lucene index in its data directory ({@link SearchIndex}), analysed with Lucene's smart Chinese analyser
 * ({@link SearchText}); a journal in the shared database ({@link SearchChange}, written by {@link SearchJournal} in
 * the transaction of the change) tells every server what to re-read, and an index that is missing, broken or of
 * another schema is rebuilt from the database. Every indexed item carries access tokens; a query is filtered by the
 * searcher's tokens ({@link AccessTokens}) before anything is counted, and each hit shown is checked again by its
 * {@link SearchSource}.
 *
 * <p>A module makes its items searchable with one class: a CDI bean implementing {@link SearchSource}.
 * Services: {@link Search} (staff), {@link SearchAdministration} (rebuild, SYS_ADMIN).
 */
package cn.edu.xietong.search;
