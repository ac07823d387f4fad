package org.asbportal.contact;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Who to contact: guidance by urgency and kind of behaviour, and the partnership's directory. */
@Path("/contact")
@Produces(MediaType.TEXT_HTML)
public class ContactResource {

    @CheckedTemplate(basePath = "contact")
    static class Templates {
        static native TemplateInstance contact(List<DirectoryEntry> directory, List<ContactService.Guidance> byCategory);
    }

    private final ContactService contacts;

    public ContactResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @GET
    public TemplateInstance contact() {
        return Templates.contact(contacts.directory(), contacts.byCategory());
    }
}
