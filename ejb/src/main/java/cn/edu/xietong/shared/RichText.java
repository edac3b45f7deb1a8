package cn.edu.xietong.shared;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.nio.charset.StandardCharsets;

/**
 * Rich text people write (a mail, a notice), sanitised on the server by jsoup's allow-list cleaner (A4, B4, S1):
 * text formatting, lists, tables, quotes and links (http, https, mailto; opened in a new tab without the opener); pictures only as
 * {@code data:} images inside the text, never fetched from elsewhere (no tracking pixels). Scripts, styles, frames,
 * forms and event attributes never survive. {@link #cleaned()} tells the writer when something was removed, so that
 * nothing goes missing silently.
 *
 * @param html    the sanitised HTML, safe to render in a page
 * @param text    its plain text, for search and previews
 * @param cleaned whether the sanitiser removed anything from what was written
 */
public record RichText(String html, String text, boolean cleaned) {

    /** The most characters a body's HTML may have (pictures inside the text included). */
    public static final int MAX_HTML = 500_000;

    private static final java.util.regex.Pattern EDITOR_CLASS = java.util.regex.Pattern.compile("ql-[a-z0-9-]{1,40}");

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "data")
            .addTags("s", "hr", "span")
            .addAttributes(":all", "class")
            .addAttributes("a", "target", "rel")
            .addProtocols("a", "href", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addEnforcedAttribute("a", "target", "_blank");

    /** Sanitises what a writer typed; {@code null} is an empty body. */
    public static RichText of(String written) {
        String input = written == null ? "" : written;
        Document dirty = Jsoup.parseBodyFragment(input);
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        // the editor's own classes (alignment, indents) stay; no other class reaches the page's style sheets
        clean.body().select("[class]").forEach(e -> {
            java.util.Set<String> classes = e.classNames();
            classes.removeIf(c -> !EDITOR_CLASS.matcher(c).matches());
            String kept = String.join(" ", classes);
            if (kept.isEmpty()) {
                e.removeAttr("class");
            } else {
                e.attr("class", kept);
            }
        });
        String html = clean.body().html();
        boolean cleaned = !new Cleaner(ALLOWED).isValidBodyHtml(input);
        return new RichText(html, clean.body().text().strip(), cleaned);
    }

    /** A body that is only plain text (quoted for HTML). */
    public static RichText ofText(String text) {
        String html = org.jsoup.nodes.Entities.escape(text == null ? "" : text).replace("\n", "<br>");
        return new RichText(html, text == null ? "" : text.strip(), false);
    }

    /** Whether there is nothing to read: no text and no picture. */
    public boolean isEmpty() {
        return text.isBlank() && !html.contains("<img");
    }

    /** The bytes the body takes, counted against quotas. */
    public long size() {
        return html.getBytes(StandardCharsets.UTF_8).length;
    }
}
