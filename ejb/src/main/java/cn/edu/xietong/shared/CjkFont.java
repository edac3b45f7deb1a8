package cn.edu.xietong.shared;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The CJK TrueType font of the server that PDFs Xietong writes use (approval sheets, download watermarks):
 * {@code -Dxietong.pdf.font}, or a WenQuanYi, AR PL or Droid font where Debian installs them. Embedded as a subset.
 */
public final class CjkFont {

    private static final List<String> PLACES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private CjkFont() {
    }

    /** Where the font comes from, if the server has one. */
    public static Optional<Path> file() {
        String configured = System.getProperty("xietong.pdf.font");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        return PLACES.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    /**
     * The font, loaded into a document (the first face of a collection).
     *
     * @param missingKey the message key of the refusal when the server has no such font
     */
    public static PDType0Font load(PDDocument document, String missingKey) throws IOException {
        Path file = file().orElseThrow(() -> new DomainException(missingKey));
        if (file.toString().endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return PDType0Font.load(document, first[0], true);
        }
        return PDType0Font.load(document, file.toFile());
    }
}
