package org.asbportal.open311;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/** An answer in the format the path's suffix names, or GeoReport's errors shape (in JSON for an unknown suffix). */
final class Open311Answers {

    private Open311Answers() {
    }

    static Response answer(Open311Writer writer, String suffix, Supplier<Open311Document> answer) {
        Open311Format format = Open311Format.of(suffix).orElse(null);
        if (format == null) {
            return response(writer, Open311Format.JSON, Open311Document.errors(404, List.of("Ask for .xml or .json")));
        }
        Open311Document document;
        try {
            document = answer.get();
        } catch (Open311Problem problem) {
            document = Open311Document.errors(problem.status(), problem.descriptions());
        }
        return response(writer, format, document);
    }

    static Response response(Open311Writer writer, Open311Format format, Open311Document document) {
        return Response.status(document.status()).type(format.mediaType()).entity(writer.write(document, format)).build();
    }
}
