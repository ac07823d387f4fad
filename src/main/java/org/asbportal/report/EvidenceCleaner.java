package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.tika.Tika;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.UploadedFile;

/**
 * Checks a resident's file before it is kept: its kind is told from its content (Apache Tika's magic
 * numbers; the name only narrows a kind the content already shows, such as a Word document inside a
 * zip), and must be one the partnership takes; an image is decoded and written again, so that none of
 * its metadata (EXIF, GPS location, camera, comments) survives. A JPEG's EXIF orientation is applied
 * to the pixels first, so an upright photo stays upright.
 */
@ApplicationScoped
public class EvidenceCleaner {

    /** A file as it is kept: its name, its kind and its bytes (an image's re-encoded). */
    public record Cleaned(String fileName, String mediaType, byte[] content) {
    }

    static final String FIELD = "file";
    private static final String JPEG = "image/jpeg";
    private static final String PNG = "image/png";
    private static final String GIF = "image/gif";
    private static final Map<String, String> IMAGE_FORMATS = Map.of(JPEG, "jpeg", PNG, "png", GIF, "gif");
    /** Images the JDK cannot decode, so whose metadata cannot be removed: refused with a way round. */
    private static final java.util.Set<String> IMAGES_NOT_REENCODED = java.util.Set.of("image/webp", "image/heic",
            "image/heif", "image/avif", "image/tiff", "image/bmp");

    private final Tika tika = new Tika();
    private final EvidenceConfig config;

    public EvidenceCleaner(EvidenceConfig config) {
        this.config = config;
    }

    /**
     * The file as it may be kept.
     *
     * @throws InvalidSubmissionException when it is empty, too big, of a kind not taken, or an image that cannot be read
     */
    public Cleaned clean(UploadedFile file) {
        String name = safeName(file.fileName());
        long max = config.maxFileSize().asLongValue();
        if (file.size() > max) {
            throw refused("The selected file must be smaller than " + EvidenceViews.size(max));
        }
        if (file.size() == 0) {
            throw refused("The selected file is empty");
        }
        byte[] bytes = file.bytes();
        if (bytes.length == 0) {
            throw refused("The selected file is empty");
        }
        if (bytes.length > max) {
            throw refused("The selected file must be smaller than " + EvidenceViews.size(max));
        }
        String type = detect(bytes, name);
        if (IMAGES_NOT_REENCODED.contains(type)) {
            throw refused("The selected photo is a kind we cannot take (" + EvidenceViews.label(type)
                    + "). Save it as a JPEG or PNG, or take a screenshot of it, and try again");
        }
        if (!config.types().contains(type)) {
            throw refused("The selected file must be a photo (JPEG, PNG or GIF), a video (MP4 or MOV), "
                    + "audio (MP3, M4A, WAV or OGG) or a document (PDF, Word, OpenDocument or plain text)");
        }
        String format = IMAGE_FORMATS.get(type);
        return new Cleaned(name, type, format == null ? bytes : reencode(bytes, format));
    }

    /** The kind of file its content shows. */
    String detect(byte[] bytes, String name) {
        String detected = tika.detect(bytes, name);
        String type = detected == null ? "application/octet-stream" : detected.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        return parameters < 0 ? type : type.substring(0, parameters).strip();
    }

    /** The image decoded and written again in its own format: pixels only, no metadata. */
    private byte[] reencode(byte[] bytes, String format) {
        BufferedImage image = decode(bytes);
        if (format.equals("jpeg")) {
            image = upright(withoutAlpha(image), ExifOrientation.of(bytes));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(output);
                ImageWriteParam parameters = writer.getDefaultWriteParam();
                if (format.equals("jpeg")) {
                    parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    parameters.setCompressionQuality(0.9f);
                }
                writer.write(null, new IIOImage(image, null, null), parameters);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw unreadableImage();
        }
    }

    /** The image's first frame, refused when it cannot be read or is larger than the portal decodes. */
    private BufferedImage decode(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                throw unreadableImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > config.maxImagePixels()) {
                    throw refused("The selected photo is too large: make it smaller than "
                            + config.maxImagePixels() / 1_000_000 + " megapixels and try again");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidSubmissionException refusal) {
                throw refusal;
            }
            throw unreadableImage();
        }
    }

    /** A JPEG cannot hold transparency: an image that has it is drawn on white. */
    private static BufferedImage withoutAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha() && image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Turns the pixels as the EXIF orientation says a viewer should (1 upright, 3 upside down, 6 and 8 on a side). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn = new AffineTransform();
        boolean sideways;
        switch (orientation) {
            case 3 -> {
                turn.translate(w, h);
                turn.rotate(Math.PI);
                sideways = false;
            }
            case 6 -> {
                turn.translate(h, 0);
                turn.rotate(Math.PI / 2);
                sideways = true;
            }
            case 8 -> {
                turn.translate(0, w);
                turn.rotate(-Math.PI / 2);
                sideways = true;
            }
            default -> {
                return image;
            }
        }
        BufferedImage turned = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        g.drawImage(image, turn, null);
        g.dispose();
        return turned;
    }

    /** The name as shown to staff: no folders, no control characters, at most 200 characters. */
    static String safeName(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\"]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "file" : name;
    }

    private static InvalidSubmissionException unreadableImage() {
        return refused("The selected photo could not be read. Save it as a JPEG or PNG and try again");
    }

    private static InvalidSubmissionException refused(String message) {
        return new InvalidSubmissionException(FIELD, message);
    }
}
