package io.verbatim.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.ui.Model;

/**
 * The soft delete and restore pages of one kind of thing under {@code base} (e.g. {@code /shopping/campaigns}): the
 * confirmation before a delete ({@code shopping/confirm-delete}), the deleted ones with Restore ({@code shopping/deleted})
 * and the redirects after each. The controllers keep their own checks and calls to their stores.
 *
 * @param thing   the message key part ({@code shop.bin.<thing>.title}) and the template's label
 * @param section the navigation entry marked as current
 * @param base    the list's path; a thing's pages are {@code <base>/<id>/delete} and {@code <base>/<id>/restore}
 */
public record SoftDeletePages(String thing, String section, String base) {

    /** A row of the deleted list. */
    public record DeletedRow(UUID id, String label, String detail, Instant deletedAt) {
    }

    /** The confirmation page; Cancel goes back to the list. */
    public String confirmDelete(Model model, UUID id, String label) {
        return confirmDelete(model, id, label, base);
    }

    /** The confirmation page; Cancel goes back to {@code back}. */
    public String confirmDelete(Model model, UUID id, String label, String back) {
        model.addAttribute("thing", thing);
        model.addAttribute("label", label);
        model.addAttribute("action", base + "/" + id + "/delete");
        model.addAttribute("back", back);
        return "shopping/confirm-delete";
    }

    /** Back to the list after a delete, which says what was deleted. */
    public String deletedRedirect(UUID id) {
        return "redirect:" + base + "?deleted=" + id;
    }

    /** The deleted things with Restore. */
    public String deletedList(Model model, List<DeletedRow> rows) {
        model.addAttribute("thing", thing);
        model.addAttribute("section", section);
        model.addAttribute("back", base);
        model.addAttribute("restorePrefix", base + "/");
        model.addAttribute("rows", rows);
        return "shopping/deleted";
    }

    /** Back to the deleted list after a restore, which says what was restored. */
    public String restoredRedirect(UUID id) {
        return "redirect:" + base + "/deleted?restored=" + id;
    }
}
