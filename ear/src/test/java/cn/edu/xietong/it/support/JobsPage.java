package cn.edu.xietong.it.support;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** The jobs page ({@code /ops/jobs.xhtml}) as the browser tests drive it (C1). */
public final class JobsPage {

    private static final String FIRST_RUN = "#jobs\\:runs tbody tr:first-child";

    private JobsPage() {
    }

    /**
     * Starts the job chosen on the page and waits until its run has completed; answers the run's row. The newest run
     * is the first row, and before the page shows the new run that row is an earlier run's, which may read
     * "completed" already: the wait is for a first row that differs from the one before the start.
     */
    public static String startAndAwaitCompleted(Browser browser, boolean zh) {
        String earlier = browser.text(FIRST_RUN);
        browser.click("#jobs\\:start");
        String completed = zh ? "已完成" : "Completed";
        new WebDriverWait(browser.driver(), Duration.ofMinutes(3)).ignoring(WebDriverException.class)
                .until(d -> {
                    String row = browser.text(FIRST_RUN);
                    return !row.equals(earlier) && row.contains(completed);
                });
        return browser.text(FIRST_RUN);
    }
}
