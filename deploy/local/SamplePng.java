import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Renders a small sample document (black text on white) for the curl example: java SamplePng.java out.png */
public class SamplePng {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java SamplePng.java OUT.png");
            System.exit(2);
        }
        String[] lines = {
            "INKSTREAM SAMPLE INVOICE",
            "Invoice number 2026-0042",
            "Total due 128.50 EUR",
            "Thank you for your business",
        };
        BufferedImage img = new BufferedImage(1200, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 44));
        int y = 90;
        for (String line : lines) {
            g.drawString(line, 60, y);
            y += 80;
        }
        g.dispose();
        if (!ImageIO.write(img, "png", new File(args[0]))) {
            throw new IllegalStateException("no PNG writer");
        }
    }
}
