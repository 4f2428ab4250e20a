package com.steadydesk.crisis.web;

import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.CrisisReview;
import com.steadydesk.crisis.CrisisReviews;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review (复盘) screen: the figures side by side, the sections to write, and the PDF export. */
@Controller
class CrisisReviewPages {

    /** Empty rows offered below the saved action items. */
    private static final int BLANK_ROWS = 3;

    private final CrisisReviews reviews;
    private final ReviewPdf pdf;
    private final CrisisTimes times;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    CrisisReviewPages(CrisisReviews reviews, ReviewPdf pdf, CrisisTimes times, CurrentUser currentUser, MessageSource messages) {
        this.reviews = reviews;
        this.pdf = pdf;
        this.times = times;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/crisis/{id}/review")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String review(@PathVariable long id, Model model) {
        CrisisReview review = reviews.draft(new CrisisId(id));
        CrisisReview.Notes notes = review.notes();
        List<Row> rows = new ArrayList<>(notes.actions().stream().map(a -> new Row(a.action(), a.owner(), a.due() == null ? "" : a.due().toString())).toList());
        return page(id, review, new Form(notes.whatWorked(), notes.whatWasMissing(), rows), List.of(), Set.of(), model);
    }

    @PostMapping("/crisis/{id}/review")
    @PreAuthorize("hasRole('CRISIS_LEAD') or hasRole('SUPERVISOR')")
    String save(@PathVariable long id, @RequestParam(required = false) String whatWorked, @RequestParam(required = false) String whatWasMissing,
            @RequestParam(name = "action", required = false) List<String> actions, @RequestParam(name = "owner", required = false) List<String> owners,
            @RequestParam(name = "due", required = false) List<String> dues, Model model, RedirectAttributes redirect, Locale locale) {
        List<Row> rows = new ArrayList<>();
        int n = Math.max(size(actions), Math.max(size(owners), size(dues)));
        for (int i = 0; i < n; i++) {
            Row row = new Row(at(actions, i), at(owners, i), at(dues, i));
            if (!row.blank()) {
                rows.add(row);
            }
        }
        List<String> errors = new ArrayList<>();
        Set<Integer> rowErrors = new LinkedHashSet<>();
        List<CrisisReview.ActionItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String error = row.action().isBlank() ? "crisis.review.error.action" : row.owner().isBlank() ? "crisis.review.error.owner"
                    : row.action().length() > 1000 || row.owner().length() > 100 ? "crisis.review.error.length" : null;
            LocalDate due = null;
            if (error == null && !row.due().isBlank()) {
                try {
                    due = LocalDate.parse(row.due());
                } catch (DateTimeParseException e) {
                    error = "crisis.review.error.due";
                }
            }
            if (error != null) {
                errors.add(messages.getMessage(error, new Object[] {i + 1}, locale));
                rowErrors.add(i);
            } else {
                items.add(new CrisisReview.ActionItem(row.action(), row.owner(), due));
            }
        }
        if (!errors.isEmpty()) {
            return page(id, reviews.draft(new CrisisId(id)), new Form(whatWorked, whatWasMissing, rows), errors, rowErrors, model);
        }
        reviews.saveNotes(new CrisisId(id), whatWorked, whatWasMissing, items);
        redirect.addFlashAttribute("flash", messages.getMessage("crisis.review.saved", null, locale));
        return "redirect:/crisis/" + id + "/review";
    }

    @GetMapping("/crisis/{id}/review.pdf")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    ResponseEntity<byte[]> reviewPdf(@PathVariable long id, Locale locale) {
        byte[] body = pdf.render(id, reviews.draft(new CrisisId(id)), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("crisis-" + id + "-review.pdf", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(body);
    }

    private String page(long id, CrisisReview review, Form form, List<String> errors, Set<Integer> rowErrors, Model model) {
        List<Row> rows = new ArrayList<>(form.rows());
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row("", "", ""));
        }
        model.addAttribute("crisisId", id);
        model.addAttribute("review", review);
        model.addAttribute("times", times);
        model.addAttribute("cjk", pdf.showsChinese());
        model.addAttribute("canEdit", currentUser.hasRole(Role.CRISIS_LEAD) || currentUser.hasRole(Role.SUPERVISOR));
        model.addAttribute("form", new Form(form.whatWorked(), form.whatWasMissing(), rows));
        model.addAttribute("errors", errors);
        model.addAttribute("rowErrors", rowErrors);
        return "crisis/review";
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
    }

    /** The sections as typed (kept when the form comes back with errors). */
    record Form(String whatWorked, String whatWasMissing, List<Row> rows) {

        Form {
            whatWorked = whatWorked == null ? "" : whatWorked;
            whatWasMissing = whatWasMissing == null ? "" : whatWasMissing;
        }
    }

    /** One action-item row of the form. */
    record Row(String action, String owner, String due) {

        boolean blank() {
            return action.isBlank() && owner.isBlank() && due.isBlank();
        }
    }
}
