package cn.edu.xietong.search;

import java.time.Instant;

/**
 * One hit as a person sees it: its kind, title and snippet as escaped HTML in which only {@code <mark>} (a matched
 * word) is markup, its date and the page that opens it.
 */
public record SearchHit(String kind, long id, String titleHtml, String snippetHtml, Instant date, String link) {
}
