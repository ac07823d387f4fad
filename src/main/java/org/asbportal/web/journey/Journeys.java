package org.asbportal.web.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.ClientLimits;
import org.asbportal.security.TooManyAttemptsException;
import org.asbportal.web.DatabaseFailures;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;
import org.asbportal.web.PageErrors.PageError;
import org.asbportal.web.Site;
import org.asbportal.web.UploadedFile;
import org.jboss.logging.Logger;

/**
 * The one engine of the residents' multi-page forms. It runs any {@link Journey}: a page per
 * address ({@code GET} shows it, {@code POST} saves its answers then redirects to the next page),
 * drafts held server-side ({@link JourneyDrafts}) behind an HttpOnly cookie, a page never shown
 * before the pages it depends on are answered, Change links that come back to check your answers,
 * repeated entries added and removed without JavaScript, and sending from check your answers.
 */
@ApplicationScoped
public class Journeys {

    private static final Logger LOG = Logger.getLogger(Journeys.class);
    private static final String CHANGE = "?change=true";
    private static final String RESTARTED = "?restarted=true";

    /** The value of the "Save and come back later" button on every question page ({@code name="action"}). */
    public static final String SAVE_FOR_LATER = "save-for-later";
    /** The page asking where to email the link: {@code /path/save}. */
    public static final String SAVE = "save";
    /** The page saying the link was sent: {@code /path/saved}. */
    public static final String SAVED = "saved";
    static final int MAX_EMAIL = 254;
    /** Something@something.something, with no spaces or control characters anywhere. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    /** Sends a complete draft with its idempotency key; throws {@link InvalidSubmissionException} when it cannot. */
    @FunctionalInterface
    public interface Sender<D> {
        void send(D draft, String submissionKey);
    }

    /** A draft that was sent, and the idempotency key it was sent with. */
    public record Sent<D>(D draft, String submissionKey) {
    }

    /** A resident's draft for the length of a request. */
    private record Draft<D>(String token, D answers, Set<String> done, String submissionKey, boolean submitted, long id) {

        /** The draft as its files know it. */
        DraftFiles.DraftRef ref() {
            return new DraftFiles.DraftRef(id, AccessCodes.sha256(submissionKey));
        }
    }

    private final JourneyDrafts drafts;
    private final ObjectMapper objectMapper;
    private final ClientLimits limits;
    private final Site site;

    public Journeys(JourneyDrafts drafts, ObjectMapper objectMapper, ClientLimits limits, Site site) {
        this.drafts = drafts;
        this.limits = limits;
        this.site = site;
        // Drafts are the portal's own stored data, read back whole: the limits on request bodies are not theirs.
        this.objectMapper = objectMapper.copy();
        this.objectMapper.getFactory().setStreamReadConstraints(StreamReadConstraints.defaults());
    }

    /** {@code journey} as a feature's resource serves it; see {@link JourneyPages}. */
    public <D, P, C> JourneyPages<D, P, C> pages(Journey<D> journey, Function<JourneyView<D>, P> view,
            JourneyPages.Sending<D> sending, Function<Sent<D>, Optional<C>> confirmation) {
        return new JourneyPages<>(this, journey, view, sending, confirmation);
    }

    /**
     * The journey's start address: resumes a draft at its first unanswered page, or starts one.
     * {@code prefill}, when given, starts a new draft with those answers.
     */
    public <D> JourneyOutcome<JourneyView<D>> start(Journey<D> journey, String token, Consumer<D> prefill) {
        Optional<Draft<D>> draft = load(journey, token);
        if (draft.isPresent() && draft.get().submitted()) {
            drafts.delete(journey.name(), token);
            draft = Optional.empty();
        }
        if (prefill != null) {
            D answers = draft.map(Draft::answers).orElseGet(journey::newDraft);
            prefill.accept(answers);
            if (draft.isPresent()) {
                save(journey, new Draft<>(token, answers, draft.get().done(), draft.get().submissionKey(), false,
                        draft.get().id()));
                return JourneyOutcome.redirect(journey.pageUrl(firstIncomplete(journey, draft.get()).orElse(check(journey).slug())),
                        null);
            }
            String newToken = drafts.create(journey.name(), json(answers), Set.of());
            return JourneyOutcome.redirect(journey.pageUrl(first(journey).slug()), newToken);
        }
        String to = draft.map(d -> firstIncomplete(journey, d).orElse(check(journey).slug())).orElse(first(journey).slug());
        return JourneyOutcome.redirect(journey.pageUrl(to), null);
    }

    /** {@code GET /path/{slug}}: the page, or the page to answer first. */
    public <D> JourneyOutcome<JourneyView<D>> show(Journey<D> journey, String token, String slug, boolean changing,
            boolean restarted) {
        Page<D> page = page(journey, slug);
        Optional<Draft<D>> found = load(journey, token);
        if (found.isEmpty()) {
            if (page != first(journey)) {
                return JourneyOutcome.redirect(journey.pageUrl(first(journey).slug()) + RESTARTED, null);
            }
            return JourneyOutcome.show(view(journey, page, journey.newDraft(), PageErrors.NONE, false, restarted), 200, null);
        }
        Draft<D> draft = found.get();
        if (draft.submitted()) {
            return JourneyOutcome.redirect(journey.pageUrl(confirmationSlug()), null);
        }
        Optional<String> unanswered = firstIncompleteBefore(journey, draft, page);
        if (unanswered.isPresent()) {
            return JourneyOutcome.redirect(journey.pageUrl(unanswered.get()), null);
        }
        if (!page.shownFor(draft.answers())) {
            return JourneyOutcome.redirect(journey.pageUrl(next(journey, draft, page, changing)), null);
        }
        return JourneyOutcome.show(view(journey, draft, page, draft.answers(), PageErrors.NONE, changing, false), 200, null);
    }

    /**
     * {@code POST /path/{slug}}: saves the page's answers and redirects to the next page (check your
     * answers when changing one), or to the same page after adding or removing an entry; shows the
     * page again with its errors (400) when an answer needs putting right. The answers are saved
     * either way.
     */
    public <D> JourneyOutcome<JourneyView<D>> save(Journey<D> journey, String token, String slug,
            MultivaluedMap<String, String> form, boolean changing) {
        Page<D> page = page(journey, slug);
        Optional<Draft<D>> found = load(journey, token);
        if (found.isEmpty() && page != first(journey)) {
            return JourneyOutcome.redirect(journey.pageUrl(first(journey).slug()) + RESTARTED, null);
        }
        if (found.isPresent() && found.get().submitted()) {
            return JourneyOutcome.redirect(journey.pageUrl(confirmationSlug()), null);
        }
        if (page.checkAnswers()) {
            return JourneyOutcome.redirect(journey.pageUrl(page.slug()), null);
        }
        String newToken = null;
        Draft<D> draft;
        if (found.isEmpty()) {
            newToken = drafts.create(journey.name(), json(journey.newDraft()), Set.of());
            draft = load(journey, newToken).orElseThrow();
        } else {
            draft = found.get();
        }
        if (!page.shownFor(draft.answers())) {
            return JourneyOutcome.redirect(journey.pageUrl(next(journey, draft, page, changing)), newToken);
        }
        D answers = journey.bound(page, bind(journey, page, form, draft.answers()));
        Set<String> done = new LinkedHashSet<>(draft.done());
        String action = Optional.ofNullable(form.getFirst("action")).orElse("");
        if (action.equals(SAVE_FOR_LATER)) {
            return saveForLater(journey, page, draft, answers, done, newToken);
        }
        Optional<D> listChanged = changeList(journey, page, action, answers);
        if (listChanged.isPresent()) {
            done.remove(page.slug());
            save(journey, new Draft<>(draft.token(), listChanged.get(), done, draft.submissionKey(), false, draft.id()));
            return JourneyOutcome.redirect(journey.pageUrl(page.slug()) + (changing ? CHANGE : ""), newToken);
        }
        PageErrors errors = errorsOn(journey, page, answers);
        if (errors.any()) {
            done.remove(page.slug());
            save(journey, new Draft<>(draft.token(), answers, done, draft.submissionKey(), false, draft.id()));
            return JourneyOutcome.show(view(journey, draft, page, answers, errors, changing, false), 400, newToken);
        }
        done.add(page.slug());
        Draft<D> saved = new Draft<>(draft.token(), answers, done, draft.submissionKey(), false, draft.id());
        save(journey, saved);
        String next = next(journey, saved, page, changing);
        boolean stillChanging = changing && !next.equals(check(journey).slug());
        return JourneyOutcome.redirect(journey.pageUrl(next) + (stillChanging ? CHANGE : ""), newToken);
    }

    /** What a resident is told when they press Upload file without choosing one. */
    static final String NO_FILE_CHOSEN = "Choose a file to upload";
    private static final String UPLOAD = "upload";
    private static final String REMOVE_FILE = "remove-file-";

    /**
     * {@code POST /path/{slug}/files}, the multipart form of a page that takes files: Upload file keeps
     * the chosen file with the draft, a file's Remove button removes it (both come back to the page),
     * and Continue keeps a file chosen but not yet uploaded, then saves the page's answers as
     * {@link #save} does. A file refused shows the page again (400) with what was wrong.
     */
    public <D> JourneyOutcome<JourneyView<D>> saveFiles(Journey<D> journey, String token, String slug,
            MultivaluedMap<String, String> form, UploadedFile file, boolean changing) {
        Page<D> page = page(journey, slug);
        DraftFiles files = journey.files();
        if (!page.takesFiles() || files == null) {
            throw new NotFoundException();
        }
        Optional<Draft<D>> found = load(journey, token);
        if (found.isEmpty()) {
            return JourneyOutcome.redirect(journey.pageUrl(first(journey).slug()) + RESTARTED, null);
        }
        Draft<D> draft = found.get();
        if (draft.submitted()) {
            return JourneyOutcome.redirect(journey.pageUrl(confirmationSlug()), null);
        }
        if (!page.shownFor(draft.answers())) {
            return JourneyOutcome.redirect(journey.pageUrl(next(journey, draft, page, changing)), null);
        }
        String action = Optional.ofNullable(form.getFirst("action")).orElse("");
        String samePage = journey.pageUrl(page.slug()) + (changing ? CHANGE : "");
        if (action.startsWith(REMOVE_FILE)) {
            number(action.substring(REMOVE_FILE.length())).ifPresent(id -> files.remove(draft.ref(), id));
            return JourneyOutcome.redirect(samePage, null);
        }
        if (file != null) {
            try {
                files.add(draft.ref(), file);
            } catch (InvalidSubmissionException e) {
                PageErrors errors = PageErrors.of(page.fileInput(), e.errors().get(0).message());
                return JourneyOutcome.show(view(journey, draft, page, draft.answers(), errors, changing, false), 400, null);
            }
        }
        if (action.equals(UPLOAD)) {
            if (file == null) {
                PageErrors errors = PageErrors.of(page.fileInput(), NO_FILE_CHOSEN);
                return JourneyOutcome.show(view(journey, draft, page, draft.answers(), errors, changing, false), 400, null);
            }
            return JourneyOutcome.redirect(samePage, null);
        }
        return save(journey, token, slug, form, changing);
    }

    /**
     * {@code POST /path/check}: validates every answer again and sends the draft once. Sent, the draft
     * is marked so and the resident goes to the confirmation; a problem shows the page to put it right.
     */
    public <D> JourneyOutcome<JourneyView<D>> send(Journey<D> journey, String token, Sender<D> sender) {
        Optional<Draft<D>> found = load(journey, token);
        if (found.isEmpty()) {
            return JourneyOutcome.redirect(journey.pageUrl(first(journey).slug()) + RESTARTED, null);
        }
        Draft<D> draft = found.get();
        if (draft.submitted()) {
            return JourneyOutcome.redirect(journey.pageUrl(confirmationSlug()), null);
        }
        Optional<String> unanswered = firstUnsaved(journey, draft);
        if (unanswered.isPresent()) {
            return JourneyOutcome.redirect(journey.pageUrl(unanswered.get()), null);
        }
        try {
            List<FieldError> errors = journey.validate(draft.answers());
            if (!errors.isEmpty()) {
                return showErrorsOf(journey, draft, errors);
            }
            sender.send(draft.answers(), draft.submissionKey());
        } catch (InvalidSubmissionException e) {
            return showErrorsOf(journey, draft, e.errors());
        } catch (TooManyAttemptsException e) {
            // A per-client limit: nothing was sent, the answers stay in the draft to send later.
            return JourneyOutcome.wait(view(journey, draft, check(journey), draft.answers(), PageErrors.of("send",
                    e.reason() + ". Your answers are saved: you can send it in "
                            + ClientLimits.minutes(e.retryAfter()) + " from this page."),
                    false, false), e.retryAfter());
        } catch (PersistenceException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            LOG.warnf("A %s could not be sent: the database is unavailable (%s)", journey.name(), e.getMessage());
            return JourneyOutcome.show(view(journey, draft, check(journey), draft.answers(), PageErrors.of("send", journey.notSaved()),
                    false, false), 503, null);
        }
        drafts.markSubmitted(journey.name(), token);
        return JourneyOutcome.redirect(journey.pageUrl(confirmationSlug()), null);
    }

    /**
     * "Save and come back later" pressed on a page: its answers are kept without stopping at any that
     * need putting right (the page counts as answered only when none do), then the resident is asked
     * where to email the link.
     */
    private <D> JourneyOutcome<JourneyView<D>> saveForLater(Journey<D> journey, Page<D> page, Draft<D> draft, D answers,
            Set<String> done, String newToken) {
        if (errorsOn(journey, page, answers).any()) {
            done.remove(page.slug());
        } else {
            done.add(page.slug());
        }
        save(journey, new Draft<>(draft.token(), answers, done, draft.submissionKey(), false, draft.id()));
        return JourneyOutcome.redirect(journey.pageUrl(SAVE), newToken);
    }

    /** {@code GET /path/save}: asks where to email the link, while there is an unsent draft to come back to. */
    public <D> JourneyOutcome<LaterPage> askWhereToSend(Journey<D> journey, String token) {
        return unsent(journey, token).orElseGet(() -> JourneyOutcome.show(later(journey, "", PageErrors.NONE, null), 200, null));
    }

    /**
     * {@code POST /path/save}: checks the address, counts the request against the client's limit on
     * such emails, and has the link emailed through the outbox; then shows that it was sent.
     */
    public <D> JourneyOutcome<LaterPage> sendResumeLink(Journey<D> journey, String token, String email, String client) {
        Optional<JourneyOutcome<LaterPage>> elsewhere = unsent(journey, token);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        String given = email == null ? "" : email.strip();
        String problem = emailProblem(given);
        if (problem != null) {
            return JourneyOutcome.show(later(journey, given, PageErrors.of("email", problem), null), 400, null);
        }
        try {
            limits.take(ClientLimits.Limit.RESUME_LINKS, client);
        } catch (TooManyAttemptsException e) {
            return JourneyOutcome.wait(later(journey, given, PageErrors.of("email", e.reason() + ". Your answers are saved: you can ask for a link again in "
                    + ClientLimits.minutes(e.retryAfter()) + ", or carry on now."), null), e.retryAfter());
        }
        return drafts.sendResumeLink(journey, token, given)
                .<JourneyOutcome<LaterPage>>map(expires -> JourneyOutcome.redirect(journey.pageUrl(SAVED), null))
                .orElseGet(() -> JourneyOutcome.redirect(journey.pageUrl(first(journey).slug()) + RESTARTED, null));
    }

    /** {@code GET /path/saved}: the link was sent, and works until when; the start address when none was. */
    public <D> JourneyOutcome<LaterPage> resumeLinkSent(Journey<D> journey, String token) {
        return drafts.resumeLinkExpiry(journey.name(), token)
                .map(expires -> JourneyOutcome.show(later(journey, "", PageErrors.NONE, site.dateTime(expires)), 200, (String) null))
                .orElseGet(() -> JourneyOutcome.redirect(journey.path(), null));
    }

    /**
     * {@code GET /path/resume/{token}}: a working link sets the draft cookie in this browser and goes
     * to the first unanswered page; an unknown, expired or spent one shows a page saying so (404).
     */
    public <D> JourneyOutcome<LaterPage> resume(Journey<D> journey, String resumeToken) {
        return drafts.resume(journey.name(), resumeToken)
                .flatMap(token -> load(journey, token).map(draft -> JourneyOutcome.<LaterPage>redirect(
                        journey.pageUrl(firstIncomplete(journey, draft).orElse(check(journey).slug())), token)))
                .orElseGet(() -> JourneyOutcome.show(later(journey, "", PageErrors.NONE, null), 404, null));
    }

    /** Where to go instead of the pages for coming back later: the first page without a draft, the confirmation once sent. */
    private <D> Optional<JourneyOutcome<LaterPage>> unsent(Journey<D> journey, String token) {
        Optional<Draft<D>> found = load(journey, token);
        if (found.isEmpty()) {
            return Optional.of(JourneyOutcome.redirect(journey.pageUrl(first(journey).slug()) + RESTARTED, null));
        }
        if (found.get().submitted()) {
            return Optional.of(JourneyOutcome.redirect(journey.pageUrl(confirmationSlug()), null));
        }
        return Optional.empty();
    }

    private LaterPage later(Journey<?> journey, String email, PageErrors errors, String expires) {
        return new LaterPage(journey.title(), journey.path(), journey.pageUrl(SAVE), email, errors, drafts.resumeLinksWorkFor(),
                expires);
    }

    /** What is wrong with an email address to send a link to, or null. */
    static String emailProblem(String email) {
        if (email.isEmpty()) {
            return "Enter your email address";
        }
        if (email.length() > MAX_EMAIL) {
            return "Email address must be 254 characters or fewer";
        }
        if (!EMAIL.matcher(email).matches()) {
            return "Enter an email address in the correct format, like name@example.com";
        }
        return null;
    }

    /** The sent draft behind {@code token}, for its confirmation page. */
    public <D> Optional<Sent<D>> sent(Journey<D> journey, String token) {
        return load(journey, token).filter(Draft::submitted).map(d -> new Sent<>(d.answers(), d.submissionKey()));
    }

    /** The address of a journey's confirmation page: {@code /path/confirmation}. */
    public static String confirmationSlug() {
        return "confirmation";
    }

    private <D> JourneyOutcome<JourneyView<D>> showErrorsOf(Journey<D> journey, Draft<D> draft, List<FieldError> errors) {
        D answers = draft.answers();
        List<Placed> placed = place(journey, errors);
        String slug = placed.get(0).anchor().page();
        Page<D> page = page(journey, slug);
        PageErrors pageErrors = new PageErrors(placed.stream().filter(p -> p.anchor().page().equals(slug))
                .map(p -> new PageError(p.anchor().inputId(), p.error().message())).toList());
        return JourneyOutcome.show(view(journey, draft, page, answers, pageErrors, !page.checkAnswers(), false), 400, null);
    }

    private record Placed(FieldError error, Journey.Anchor anchor, int pageIndex) {
    }

    /** The errors anchored to their pages, in the order the pages and their questions are asked. */
    private static <D> List<Placed> place(Journey<D> journey, List<FieldError> errors) {
        List<String> order = journey.pages().stream().map(Page::slug).toList();
        return errors.stream()
                .map(e -> {
                    Journey.Anchor anchor = journey.anchor(e.field());
                    return new Placed(e, anchor, order.indexOf(anchor.page()));
                })
                .sorted(Comparator.comparingInt(Placed::pageIndex).thenComparingInt(p -> p.anchor().order()))
                .toList();
    }

    private static <D> PageErrors errorsOn(Journey<D> journey, Page<D> page, D answers) {
        return new PageErrors(place(journey, journey.validate(answers)).stream()
                .filter(p -> p.anchor().page().equals(page.slug()))
                .map(p -> new PageError(p.anchor().inputId(), p.error().message()))
                .toList());
    }

    /** The first page asked that is not saved yet, or no longer valid. */
    private static <D> Optional<String> firstIncomplete(Journey<D> journey, Draft<D> draft) {
        return firstIncompleteBefore(journey, draft, check(journey));
    }

    /** The first page asked that was never saved: sending waits for it. */
    private static <D> Optional<String> firstUnsaved(Journey<D> journey, Draft<D> draft) {
        return journey.pages().stream().filter(p -> !p.checkAnswers() && p.shownFor(draft.answers()))
                .map(Page::slug).filter(slug -> !draft.done().contains(slug)).findFirst();
    }

    private static <D> Optional<String> firstIncompleteBefore(Journey<D> journey, Draft<D> draft, Page<D> target) {
        Set<String> invalid = null;
        for (Page<D> page : journey.pages()) {
            if (page == target) {
                return Optional.empty();
            }
            if (!page.shownFor(draft.answers())) {
                continue;
            }
            if (!draft.done().contains(page.slug())) {
                return Optional.of(page.slug());
            }
            if (invalid == null) {
                invalid = new LinkedHashSet<>(place(journey, journey.validate(draft.answers())).stream()
                        .map(p -> p.anchor().page()).toList());
            }
            if (invalid.contains(page.slug())) {
                return Optional.of(page.slug());
            }
        }
        return Optional.empty();
    }

    /** After {@code page}: the next page asked; when changing, the first unanswered page or check your answers. */
    private static <D> String next(Journey<D> journey, Draft<D> draft, Page<D> page, boolean changing) {
        if (changing) {
            return firstIncomplete(journey, draft).orElse(check(journey).slug());
        }
        List<Page<D>> pages = journey.pages();
        for (int i = pages.indexOf(page) + 1; i < pages.size(); i++) {
            if (pages.get(i).shownFor(draft.answers())) {
                return pages.get(i).slug();
            }
        }
        return check(journey).slug();
    }

    /** Before {@code page}: the previous page asked; check your answers when changing. */
    private static <D> String previous(Journey<D> journey, D answers, Page<D> page, boolean changing) {
        if (changing) {
            return journey.pageUrl(check(journey).slug());
        }
        List<Page<D>> pages = journey.pages();
        for (int i = pages.indexOf(page) - 1; i >= 0; i--) {
            if (pages.get(i).shownFor(answers)) {
                return journey.pageUrl(pages.get(i).slug());
            }
        }
        return null;
    }

    private static <D> JourneyView<D> view(Journey<D> journey, Page<D> page, D answers, PageErrors errors, boolean changing,
            boolean restarted) {
        return view(journey, null, page, answers, errors, changing, restarted);
    }

    /** The view of a page of {@code draft}, with its files on a file page and check your answers. */
    private static <D> JourneyView<D> view(Journey<D> journey, Draft<D> draft, Page<D> page, D answers, PageErrors errors,
            boolean changing, boolean restarted) {
        List<DraftFiles.Listed> files = draft == null || journey.files() == null || !(page.takesFiles() || page.checkAnswers())
                ? List.of() : journey.files().list(draft.ref());
        return new JourneyView<>(journey, page, answers, errors, changing, previous(journey, answers, page, changing), restarted,
                files);
    }

    /** Copies the page's inputs into the answers, by the names the page declares. */
    private <D> D bind(Journey<D> journey, Page<D> page, MultivaluedMap<String, String> form, D answers) {
        ObjectNode node = objectMapper.valueToTree(answers);
        for (String name : page.values()) {
            node.put(name, value(form.getFirst(name)));
        }
        for (String name : page.texts()) {
            node.put(name, form.getFirst(name));
        }
        for (String name : page.lists()) {
            ArrayNode list = node.putArray(name);
            Optional.ofNullable(form.get(name)).orElse(List.of()).stream().map(Journeys::value).filter(v -> v != null)
                    .forEach(list::add);
        }
        for (Repeat repeat : page.repeats()) {
            ArrayNode list = node.putArray(repeat.property());
            if (repeat.fields().isEmpty()) {
                List<String> given = Optional.ofNullable(form.get(repeat.name())).orElse(List.of());
                List<String> pairs = repeat.paired() ? Optional.ofNullable(form.get(repeat.pairedName())).orElse(List.of()) : List.of();
                ArrayNode paired = repeat.paired() ? node.putArray(repeat.pairedProperty()) : null;
                for (int i = 0; i < given.size() && list.size() < repeat.max(); i++) {
                    String value = value(given.get(i));
                    if (value == null) {
                        continue;
                    }
                    list.add(value);
                    if (paired != null) {
                        paired.add(i < pairs.size() ? value(pairs.get(i)) : null);
                    }
                }
                continue;
            }
            for (int n = 1; n <= repeat.max(); n++) {
                ObjectNode entry = objectMapper.createObjectNode();
                boolean blank = true;
                for (String field : repeat.fields()) {
                    String value = value(form.getFirst(repeat.name() + "-" + n + "-" + field));
                    entry.put(field, value);
                    blank &= value == null;
                }
                if (!blank) {
                    list.add(entry);
                }
            }
        }
        return read(journey, node);
    }

    /** Adds or removes an entry when {@code action} is one of the page's buttons for it. */
    private <D> Optional<D> changeList(Journey<D> journey, Page<D> page, String action, D answers) {
        for (Repeat repeat : page.repeats()) {
            ObjectNode node = objectMapper.valueToTree(answers);
            JsonNode list = node.get(repeat.property());
            ArrayNode entries = list instanceof ArrayNode array ? array : node.putArray(repeat.property());
            ArrayNode pairs = null;
            if (repeat.paired()) {
                JsonNode pairList = node.get(repeat.pairedProperty());
                pairs = pairList instanceof ArrayNode array ? array : node.putArray(repeat.pairedProperty());
                while (pairs.size() < entries.size()) {
                    pairs.addNull();
                }
            }
            if (action.equals(repeat.addAction())) {
                if (entries.size() < repeat.max()) {
                    if (repeat.fields().isEmpty()) {
                        entries.add("");
                        if (pairs != null) {
                            pairs.add("");
                        }
                    } else {
                        entries.addObject();
                    }
                }
                return Optional.of(read(journey, node));
            }
            if (action.startsWith(repeat.removeAction())) {
                ArrayNode pairsToo = pairs;
                number(action.substring(repeat.removeAction().length()))
                        .filter(n -> n >= 1 && n <= entries.size())
                        .ifPresent(n -> {
                            entries.remove(n - 1);
                            if (pairsToo != null && n <= pairsToo.size()) {
                                pairsToo.remove(n - 1);
                            }
                        });
                return Optional.of(read(journey, node));
            }
        }
        return Optional.empty();
    }

    private <D> Optional<Draft<D>> load(Journey<D> journey, String token) {
        return drafts.load(journey.name(), token).map(stored -> new Draft<>(token, readJson(journey, stored.answers()),
                stored.pagesDone(), stored.submissionKey(), stored.submitted(), stored.id()));
    }

    private <D> void save(Journey<D> journey, Draft<D> draft) {
        drafts.update(journey.name(), draft.token(), json(draft.answers()), draft.done());
    }

    private String json(Object answers) {
        try {
            return objectMapper.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Journey answers could not be written", e);
        }
    }

    /** The stored answers; a draft written by an older version that no longer reads starts empty. */
    private <D> D readJson(Journey<D> journey, String json) {
        try {
            return objectMapper.readValue(json, journey.draftType());
        } catch (JsonProcessingException e) {
            return journey.newDraft();
        }
    }

    private <D> D read(Journey<D> journey, ObjectNode node) {
        try {
            return objectMapper.treeToValue(node, journey.draftType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Journey answers could not be read back", e);
        }
    }

    private static <D> Page<D> page(Journey<D> journey, String slug) {
        return journey.pages().stream().filter(p -> p.slug().equals(slug)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private static <D> Page<D> first(Journey<D> journey) {
        return journey.pages().get(0);
    }

    private static <D> Page<D> check(Journey<D> journey) {
        return journey.pages().stream().filter(Page::checkAnswers).findFirst().orElseThrow();
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String value(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
