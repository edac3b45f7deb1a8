/**
 * The document library pages (O3.5, E2, S4): {@code documents/library.xhtml} (libraries, folders, uploads, the bin,
 * rights) and {@code documents/document.xhtml} (a document's metadata, versions and preview), and the servlet that
 * streams a version's bytes from the content store.
 */
package cn.edu.xietong.web.documents;
