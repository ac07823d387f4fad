package org.asbportal.security;

import io.nayuki.qrcodegen.QrCode;

/** A QR code drawn as an SVG image (one path of dark modules, a 4-module quiet zone), made on the server. */
final class QrSvg {

    private static final int BORDER = 4;

    private QrSvg() {
    }

    static String of(QrCode qr) {
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"240\" height=\"240\" role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">"
                + "<title id=\"qr-title\">QR code for your authenticator app</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }
}
