package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;

/**
 * Full tier: sync requests ride the interactive lane, so one answers within its wait while a batch of dense
 * pages keeps every worker busy.
 */
class InteractiveLaneFullIT {

    static final int BATCH_PAGES = Integer.getInteger("inkstream.lane.pages", 40);

    @Test
    void givenBusyBatchLane_whenSyncExtractArrives_thenItAnswersWhileTheBatchIsStillProcessing() {
        byte[] dense = densePage();
        RequestSpecification batch = Suite.api();
        for (int i = 0; i < BATCH_PAGES; i++) {
            batch.multiPart("documents", "dense-" + i + ".png", dense, "image/png");
        }
        String batchJob = batch.when().post("/v1/jobs").then().statusCode(202).extract().path("job_id");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "processing".equals(Suite.api().get("/v1/jobs/" + batchJob).then().extract().path("state")));

        String text = Suite.api().header("Prefer", "wait=30")
                .multiPart("document", "urgent.png", Fixtures.png("Urgent interactive request"), "image/png")
                .when().post("/v1/extract")
                .then().statusCode(200).extract().path("result.text");

        assertThat(text).containsIgnoringCase("Urgent");
        assertThat(Suite.api().get("/v1/jobs/" + batchJob).then().extract().<String>path("state"))
                .as("the batch is still running when the sync answer arrived").isEqualTo("processing");
        Suite.api().post("/v1/jobs/" + batchJob + "/cancel").then().statusCode(200);
    }

    /** An A4 page at 300 DPI full of text: about a second and a half of OCR per page. */
    static byte[] densePage() {
        BufferedImage img = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 38));
            String line = "The batch lane carries long documents while interactive requests jump ahead ";
            for (int y = 120; y < img.getHeight() - 100; y += 56) {
                g.drawString(line + y, 120, y);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
