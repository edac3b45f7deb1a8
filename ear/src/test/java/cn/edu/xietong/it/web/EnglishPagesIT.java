package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * English is complete (ecosystem): walked as each kind of person (staff, leader, unit IT, supervisor, the three
 * administrators, the batch operator), every page their menu reaches, and the pages opened from them, shows no Chinese
 * in its chrome (headings, labels, buttons, menus, table heads, hints, messages). What people entered (names,
 * titles, form values: table cells, definition lists, options, anything marked {@code translate="no"}) is data, and the
 * language switch names Chinese in Chinese. Every input on those pages has a label (shown, or for the screen reader).
 * None of the pages walked is the error page.
 */
class EnglishPagesIT extends BrowserTest {

    /** Text of the page outside data, with the CJK characters it holds. */
    private static final String CHROME = """
            const data = "td:not(.ui-datatable-empty-message), dd, option, [translate='no'], .xt-lang";
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const cjk = /[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]/;
            while (walker.nextNode()) {
              const node = walker.currentNode, parent = node.parentElement;
              if (!parent || parent.closest(data) || parent.closest('script, style')) continue;
              if (parent.offsetParent === null && getComputedStyle(parent).position !== 'fixed') continue;
              if (cjk.test(node.textContent)) found.push(node.textContent.trim());
            }
            for (const e of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
              if (e.closest(data)) continue;
              for (const a of ['placeholder', 'title', 'aria-label']) {
                const v = e.getAttribute(a);
                if (v && cjk.test(v)) found.push(a + '=' + v);
              }
            }
            if (cjk.test(document.title)) found.push('title=' + document.title);
            return found;""";

    private static final String PASSWORD = "English-Pages-2026";

    @Test
    void everyPageEachKindOfPersonReachesShowsNoChineseChromeInEnglishAndLabelsEveryInput() throws Exception {
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
        String instance = FixtureServlet.call(base, "/leave?login=" + staff + "&days=5");
        List<String> problems = new ArrayList<>();
        walk(staff, PASSWORD, List.of("/flow/instance.xhtml?id=" + instance, "/flow/lists.xhtml?tab=mine",
                "/flow/lists.xhtml?tab=done", "/flow/lists.xhtml?tab=copies", "/account/password.xhtml",
                "/account/two-factor.xhtml", "/directory/units.xhtml", "/mail/compose.xhtml"), problems);
        walk(leader, PASSWORD, List.of("/flow/instance.xhtml?id=" + instance), problems);
        walk("liming", DemoUniversity.DEFAULT_PASSWORD, List.of(), problems);
        walk("hanmei", DemoUniversity.DEFAULT_PASSWORD, List.of(), problems);
        walk("yangfan", DemoUniversity.DEFAULT_PASSWORD, List.of("/flow/design-editor.xhtml",
                "/flow/form-designer.xhtml", "/flow/designs.xhtml | #forms a.xt-open",
                "/flow/designs.xhtml | #designs a.xt-open", "/directory/units.xhtml | a[class*='xt-unit-link-']"),
                problems);
        walk("sunli", DemoUniversity.DEFAULT_PASSWORD, List.of(), problems);
        walk("caoyu", DemoUniversity.DEFAULT_PASSWORD, List.of("/admin/account.xhtml?login=" + staff,
                "/directory/units.xhtml", "/directory/units.xhtml | a.xt-unit-link-" + unit,
                "/directory/person.xhtml?login=" + staff), problems);
        walk("luan", DemoUniversity.DEFAULT_PASSWORD, List.of("/security/roles.xhtml?login=" + staff), problems);
        walk("qishen", DemoUniversity.DEFAULT_PASSWORD, List.of(), problems);
        walk("yanhua", DemoUniversity.DEFAULT_PASSWORD, List.of(), problems);
        assertEquals(List.of(), problems, "Chinese chrome on English pages");
    }

    @Test
    void theLoginAndRegistrationPagesAreEnglishBeforeLogin() {
        try (Browser browser = Browser.open(base)) {
            browser.go("/login.xhtml");
            browser.click("[id$='lang-en']");
            browser.awaitText("body", "Password");
            List<String> problems = new ArrayList<>();
            check(browser, "/login.xhtml", problems);
            browser.go("/register.xhtml");
            check(browser, "/register.xhtml", problems);
            assertEquals(List.of(), problems);
        }
    }

    private void walk(String login, String password, List<String> more, List<String> problems) {
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, password);
            browser.click("#topbar\\:lang-en");
            browser.awaitText("#menu", "Workbench");
            Set<String> pages = new LinkedHashSet<>();
            String root = base.toExternalForm().replaceAll("/+$", "");
            for (WebElement link : browser.driver().findElements(org.openqa.selenium.By.cssSelector("#menu a[href]"))) {
                String href = link.getAttribute("href");
                assertTrue(href.startsWith(root), href + " is a page of the application");
                pages.add(href.substring(root.length()));
            }
            assertTrue(pages.size() >= 4, login + " has a menu: " + pages);
            pages.addAll(more);
            for (String page : pages) {
                // "page | link": a page opened by following the first such link (when there is one) from another
                String[] parts = page.split(" \\| ", 2);
                browser.go(parts[0]);
                if (parts.length == 2) {
                    List<WebElement> links = browser.driver().findElements(org.openqa.selenium.By.cssSelector(parts[1]));
                    if (links.isEmpty()) {
                        continue;
                    }
                    links.get(0).click();
                    browser.find("h1.xt-title");
                }
                if (!browser.driver().findElements(org.openqa.selenium.By.id("error-message")).isEmpty()) {
                    problems.add(login + " " + page + ": the error page (" + browser.text("#error-message") + ")");
                }
                check(browser, login + " " + page, problems);
            }
            // pages opened from the catalogue: a start form
            browser.go("/flow/catalogue.xhtml");
            List<WebElement> cards = browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                    "a.xt-flow-card[href*='design=']"));
            if (!cards.isEmpty()) {
                cards.get(0).click();
                check(browser, login + " start form", problems);
            }
        }
    }

    /** Adds what the page shows wrong to {@code problems}; a page with a problem is kept as a screenshot to look at. */
    private static void check(Browser browser, String where, List<String> problems) {
        int before = problems.size();
        @SuppressWarnings("unchecked")
        List<Object> found = (List<Object>) ((JavascriptExecutor) browser.driver()).executeScript(CHROME);
        found.forEach(text -> problems.add(where + ": " + text));
        browser.unlabelledInputs().forEach(input -> problems.add(where + ": no label for " + input));
        if (problems.size() > before) {
            browser.screenshot("english-" + where.replaceAll("[^a-zA-Z0-9]+", "-"));
        }
    }
}
