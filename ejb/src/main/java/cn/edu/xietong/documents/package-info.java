/**
 * Document libraries (O3.5, E2, S4, S1): a library per unit and one public library, folders, documents with versions,
 * check-out, archive and recycle bin; rights per library, folder and document ({@link cn.edu.xietong.documents.Rights},
 * inherited down the folders); a confidentiality {@link cn.edu.xietong.documents.Level} on every document. The bytes
 * live in the {@link cn.edu.xietong.documents.ContentStore} on disk, one file per distinct SHA-256, never in the
 * database. Services: {@link cn.edu.xietong.documents.Libraries} (libraries, folders, listings, rights),
 * {@link cn.edu.xietong.documents.Documents} (uploads and changes of documents) and
 * {@link cn.edu.xietong.documents.DocumentDownloads} (views and downloads, each audited).
 */
package cn.edu.xietong.documents;
