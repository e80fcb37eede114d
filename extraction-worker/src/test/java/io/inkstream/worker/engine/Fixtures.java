package io.inkstream.worker.engine;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Generated test documents: text rendered with Java2D fonts, PDFs built with PDFBox. */
public final class Fixtures {

    public static final Path TESSDATA = Path.of(System.getenv().getOrDefault("TESSDATA_PREFIX",
            "/usr/share/tesseract-ocr/5/tessdata"));

    private Fixtures() {
    }

    /** Black text on white, one line per string, at a size Tesseract reads comfortably. */
    public static BufferedImage render(int width, int fontPx, String... lines) {
        int lineHeight = (int) (fontPx * 1.6);
        int height = Math.max(200, lineHeight * (lines.length + 2));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, fontPx));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], fontPx, lineHeight * (i + 1) + fontPx / 2);
        }
        g.dispose();
        return img;
    }

    /**
     * A poor scan: tiny (fontPx) gray text on gray paper with seeded Gaussian noise, so Tesseract's first reading is
     * unsure and a binarised, upscaled second reading does better.
     */
    public static BufferedImage poorScan(int fontPx, int ink, int paper, double noiseSigma, long seed,
            String... lines) {
        int lineHeight = (int) (fontPx * 1.6);
        int width = fontPx * 26;
        int height = lineHeight * (lines.length + 2);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(ink, ink, ink));
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, fontPx));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], fontPx, lineHeight * (i + 1) + fontPx / 2);
        }
        g.dispose();
        java.util.Random random = new java.util.Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = img.getRGB(x, y) & 0xff;
                v = (int) Math.max(0, Math.min(255, v + random.nextGaussian() * noiseSigma));
                img.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        return img;
    }

    public static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] truncated(byte[] bytes, int keep) {
        return Arrays.copyOf(bytes, keep);
    }

    /** A born-digital PDF: each string a line of Helvetica text. */
    public static byte[] textPdf(String... lines) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 760);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLineAtOffset(0, -20);
                }
                cs.endText();
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose pages are: a text page, then a page holding only a picture of text (a scan). */
    public static byte[] textThenScanPdf(String text, BufferedImage scan) {
        try (PDDocument doc = new PDDocument()) {
            PDPage textPage = new PDPage(PDRectangle.A4);
            doc.addPage(textPage);
            try (PDPageContentStream cs = new PDPageContentStream(doc, textPage)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 760);
                cs.showText(text);
                cs.endText();
            }
            PDPage scanPage = new PDPage(PDRectangle.A4);
            doc.addPage(scanPage);
            PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream cs = new PDPageContentStream(doc, scanPage)) {
                float w = PDRectangle.A4.getWidth() - 72;
                float h = w * scan.getHeight() / scan.getWidth();
                cs.drawImage(image, 36, PDRectangle.A4.getHeight() - 36 - h, w, h);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encryptedPdf(String text) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 760);
                cs.showText(text);
                cs.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
