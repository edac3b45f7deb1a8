package cn.edu.xietong.web.help;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The user guide (docs/user-guide.md, copied into the web archive by the build) as the help pages show it (O2.4).
 * Each page has its section: the guide's table names the page by its path in the first column, and that path gives the
 * anchor ({@link #anchorOf}), so a page's help link needs no list kept beside the guide. The guide is Markdown rendered
 * by commonmark with raw HTML escaped and unsafe link targets dropped: whatever it holds is shown, never run. Links to
 * the other documents of docs/ become plain text, for the application does not serve them.
 */
public final class UserGuide {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern PAGE = Pattern.compile("/|/[\\w/-]+\\.xhtml(\\?.*)?");

    private UserGuide() {
    }

    /** The anchor of a page's section: "page-" and its path without ".xhtml", "/" as "-"; the workbench's is "page-index". */
    public static String anchorOf(String viewId) {
        String path = viewId.replaceFirst("\\?.*", "").replaceFirst("^/", "").replaceFirst("\\.xhtml$", "");
        return "page-" + (path.isEmpty() ? "index" : path.replace('/', '-'));
    }

    /** The guide as HTML, sections anchored. */
    public static String render(String markdown) {
        Node document = Parser.builder().extensions(EXTENSIONS).build().parse(markdown);
        unlinkOtherDocuments(document);
        return HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Code code && namesPage(code)) {
                        attributes.put("id", anchorOf(code.getLiteral()));
                    }
                })
                .build().render(document);
    }

    /** A page's path in the first cell of a table row. */
    private static boolean namesPage(Code code) {
        return code.getParent() instanceof TableCell cell && cell.getParent() instanceof TableRow
                && cell.getPrevious() == null && PAGE.matcher(code.getLiteral()).matches();
    }

    /** Replaces each link to a relative target (another document of docs/) by its text. */
    private static void unlinkOtherDocuments(Node document) {
        List<Link> relative = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (!link.getDestination().matches("(?i)[a-z][a-z0-9+.-]*:.*|#.*")) {
                    relative.add(link);
                }
                visitChildren(link);
            }
        });
        for (Link link : relative) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
    }
}
