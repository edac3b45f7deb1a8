/**
 * What every area shares: the one office clock every "now" comes from ({@link cn.edu.xietong.shared.OfficeClock}),
 * the campus time zone and the JPA converter of instants, bilingual names and typed display text, CSV cells and JSON
 * helpers, the server's own files, and the domain exceptions that carry a translatable message key.
 */
package cn.edu.xietong.shared;
