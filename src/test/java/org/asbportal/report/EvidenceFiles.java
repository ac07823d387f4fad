package org.asbportal.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Files a resident might send, built byte by byte for the tests. */
public final class EvidenceFiles {

    /** Where the test photo says it was taken: 52° 8' 12.34" N, as a phone's GPS writes it. */
    static final int LATITUDE_DEGREES = 52;

    private EvidenceFiles() {
    }

    /**
     * A JPEG photo, {@code width} by {@code height}, carrying an EXIF block (APP1) with the camera's
     * orientation and a GPS position, as a phone writes them.
     */
    public static byte[] jpegWithGps(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] app1 = exifSegment(orientation);
        // After SOI and the JFIF APP0 segment, where cameras put their APP1.
        int app0Length = ((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF);
        int at = 4 + app0Length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, at);
        out.writeBytes(app1);
        out.write(plain, at, plain.length - at);
        return out.toByteArray();
    }

    /** A plain JPEG: left half red, right half blue. */
    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** APP1: "Exif\0\0" then a little-endian TIFF with IFD0 (orientation, GPS pointer) and a GPS IFD. */
    static byte[] exifSegment(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries, then no next IFD.
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        // GPS IFD at 38: latitude reference and latitude (three rationals at 68).
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(LATITUDE_DEGREES).putInt(1).putInt(8).putInt(1).putInt(1234).putInt(100);
        byte[] body = tiff.array();
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        int length = 2 + 6 + body.length;
        segment.write(0xFF);
        segment.write(0xE1);
        segment.write(length >> 8);
        segment.write(length & 0xFF);
        segment.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        segment.writeBytes(body);
        return segment.toByteArray();
    }

    /** Whether {@code bytes} hold an EXIF APP1 segment (the marker FF E1 followed by "Exif"). */
    public static boolean hasExif(byte[] bytes) {
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xE1
                    && new String(bytes, i + 4, 4, StandardCharsets.US_ASCII).equals("Exif")) {
                return true;
            }
        }
        return contains(bytes, "Exif");
    }

    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** A web page, as someone might rename one photo.jpg. */
    public static byte[] html() {
        return "<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Windows program (an MZ header and its DOS stub message). */
    public static byte[] windowsProgram() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4E, stub.length);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** A PDF-looking file of exactly {@code size} bytes. */
    public static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        byte[] header = "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, pdf, 0, Math.min(header.length, size));
        for (int i = header.length; i < size; i++) {
            pdf[i] = ' ';
        }
        return pdf;
    }

    public static byte[] text(String words) {
        return words.getBytes(StandardCharsets.UTF_8);
    }
}
