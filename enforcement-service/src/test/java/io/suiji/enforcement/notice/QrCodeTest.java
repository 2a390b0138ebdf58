package io.suiji.enforcement.notice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QR code reads back as what was encoded, Chinese included, as a phone's scanner would read it. */
class QrCodeTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Decodes a PNG with ZXing's reader; also used by the component test of the notice. */
    static String decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int width = image.getWidth();
            int height = image.getHeight();
            int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
        } catch (IOException | com.google.zxing.ReaderException e) {
            throw new AssertionError("not a readable QR code", e);
        }
    }

    @Test
    void aPayloadReadsBackExactly() {
        String payload = "{\"kind\":\"suiji-inspection-notice/1\",\"name\":\"张三\",\"proof\":\"http://127.0.0.1:8083/x\"}";
        byte[] png = QrCode.png(payload, 300);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        assertEquals(payload, decode(png));
    }

    @Test
    void theImageIsAtLeastTheAskedSize() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.png("x", 400)));
        assertTrue(image.getWidth() >= 400 && image.getWidth() == image.getHeight());
    }

    @Test
    void aPayloadTooLargeForAQrCodeIsRefusedNotTruncated() {
        assertThrows(IllegalArgumentException.class, () -> QrCode.png("检".repeat(2000), 400));
    }

    @Test
    void aBlankImageIsNotReadAsACode() {
        BufferedImage blank = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        int[] pixels = blank.getRGB(0, 0, 50, 50, null, 0, 50);
        assertThrows(NotFoundException.class, () -> new QRCodeReader().decode(
                new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(50, 50, pixels)))));
    }
}
