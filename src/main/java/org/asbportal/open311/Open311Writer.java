package org.asbportal.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes GeoReport v2 answers: XML with the JDK's StAX writer (which escapes text), JSON with Jackson.
 * Characters XML 1.0 cannot carry (control characters) are left out of XML text.
 */
@ApplicationScoped
class Open311Writer {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ObjectMapper json;

    Open311Writer(ObjectMapper json) {
        this.json = json;
    }

    String write(Open311Document document, Open311Format format) {
        return format == Open311Format.XML ? xml(document) : json(document);
    }

    private String json(Open311Document document) {
        Object value = document.isList() ? document.items().stream().map(Open311Writer::plain).toList() : plain(document.object());
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An Open311 answer could not be written as JSON", e);
        }
    }

    /** The fields with every {@link Open311Document.Repeated} turned into a list. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put((String) k, plain(v)));
            return fields;
        }
        if (value instanceof Open311Document.Repeated repeated) {
            List<Object> values = new ArrayList<>();
            repeated.values().forEach(v -> values.add(plain(v)));
            return values;
        }
        return value;
    }

    private static String xml(Open311Document document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(document.root());
            if (document.isList()) {
                for (Map<String, Object> item : document.items()) {
                    element(xml, document.item(), item);
                }
            } else {
                fields(xml, document.object());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("An Open311 answer could not be written as XML", e);
        }
        return out.toString();
    }

    private static void fields(XMLStreamWriter xml, Map<String, Object> fields) throws XMLStreamException {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            element(xml, field.getKey(), field.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            fields(xml, (Map<String, Object>) map);
        } else if (value instanceof Open311Document.Repeated repeated) {
            for (Object each : repeated.values()) {
                element(xml, repeated.item(), each);
            }
        } else if (value != null) {
            xml.writeCharacters(xmlText(String.valueOf(value)));
        }
        xml.writeEndElement();
    }

    /** The text without the characters XML 1.0 forbids. */
    static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
