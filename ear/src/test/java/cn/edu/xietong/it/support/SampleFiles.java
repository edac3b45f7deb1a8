package cn.edu.xietong.it.support;

import java.nio.charset.StandardCharsets;

/** Small files the upload tests send: what each is, checked by content as the server checks it. */
public final class SampleFiles {

    /** The smallest well-formed PDF: a catalogue and a trailer. */
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF")
            .getBytes(StandardCharsets.US_ASCII);

    private SampleFiles() {
    }
}
