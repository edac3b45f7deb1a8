package cn.edu.xietong.bench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;

/**
 * Times the library page's upload requests on the server (benchmark deployments only; issue #14): from the request's
 * start (its headers arrived) to the end of the multipart body's parsing (the first call that needs the body's
 * parameters or parts: Undertow has then received the whole body and written the file's part to disk) and to the end
 * of the answer (the store, the commit and the rendered update). {@link DocumentBenchServlet} reports the last one.
 */
@WebFilter("/documents/library.xhtml")
public class DocumentUploadTimer extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The last upload request's times: start, body received, answered (System.nanoTime of this JVM). */
    record Timing(long start, long received, long end) {
        @Override
        public String toString() {
            return "requestMs=" + (end - start) / 1_000_000 + " receivedMs=" + (received - start) / 1_000_000
                    + " afterReceivedMs=" + (end - received) / 1_000_000;
        }
    }

    private static volatile Timing last;

    static Timing last() {
        return last;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null || !type.startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        Received timed = new Received(request);
        try {
            chain.doFilter(timed, response);
        } finally {
            response.flushBuffer();
            last = new Timing(start, timed.at == 0 ? start : timed.at, System.nanoTime());
        }
    }

    /** Notes when the first call that needs the body returns. */
    private static final class Received extends HttpServletRequestWrapper {
        private long at;

        Received(HttpServletRequest request) {
            super(request);
        }

        private <T> T noted(T value) {
            if (at == 0) {
                at = System.nanoTime();
            }
            return value;
        }

        @Override
        public String getParameter(String name) {
            return noted(super.getParameter(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return noted(super.getParameterMap());
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return noted(super.getParameterNames());
        }

        @Override
        public String[] getParameterValues(String name) {
            return noted(super.getParameterValues(name));
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            return noted(super.getParts());
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            return noted(super.getPart(name));
        }
    }
}
