package cn.edu.xietong.setup;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Small pictures drawn for the demo's news (no text, so no font is needed): a gradient with a few circles. */
final class DemoPictures {

    private DemoPictures() {
    }

    /** A 320×240 PNG as a {@code data:} URI, in two colours. */
    static String picture(int from, int to) {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(from), 320, 240, new Color(to)));
            g.fillRect(0, 0, 320, 240);
            g.setColor(new Color(255, 255, 255, 90));
            for (int i = 0; i < 5; i++) {
                int size = 40 + i * 18;
                g.fillOval(30 + i * 50, 150 - i * 22, size, size);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
