package org.asbportal.report;

/**
 * Reads the orientation (EXIF tag 0x0112) a JPEG's camera recorded, so a photo re-encoded without its
 * metadata can be turned upright first. Anything it cannot read counts as upright (1).
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        try {
            int at = 2;
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
                if (marker == 0xDA || length < 2) {
                    return 1;
                }
                if (marker == 0xE1 && length >= 8 && at + 10 <= jpeg.length && "Exif".equals(new String(jpeg, at + 4, 4,
                        java.nio.charset.StandardCharsets.US_ASCII))) {
                    return orientation(jpeg, at + 10, Math.min(jpeg.length, at + 2 + length));
                }
                at += 2 + length;
            }
        } catch (RuntimeException e) {
            return 1;
        }
        return 1;
    }

    /** The orientation in the TIFF structure at {@code tiff}, ending at {@code end}. */
    private static int orientation(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I';
        int ifd = tiff + (int) read(b, tiff + 4, 4, little);
        int entries = (int) read(b, ifd, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (read(b, entry, 2, little) == ORIENTATION_TAG) {
                int value = (int) read(b, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long read(byte[] b, int at, int bytes, boolean little) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int octet = b[at + i] & 0xFF;
            value = little ? value | ((long) octet << (8 * i)) : (value << 8) | octet;
        }
        return value;
    }
}
