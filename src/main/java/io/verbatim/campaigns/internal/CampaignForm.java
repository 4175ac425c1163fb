package io.verbatim.campaigns.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.CampaignStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the campaign form posts, as typed (text, so a wrong value comes back to the form with its error rather than
 * failing the binding). Errors are message keys of the shopping bundle ({@code shop.campaign.error.*}) with the
 * English detail to show when a key has no text.
 */
record CampaignForm(String name, String description, String status, String surveyId, String startDate, String endDate,
                    List<String> zoneIds, List<String> shopperIds, List<String> managerIds, String goalTotal, String goalPerZone,
                    String targetScore) {

    /** One refusal: a message key and the detail behind it. */
    record Error(String key, String detail) {
    }

    CampaignForm {
        zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
        shopperIds = shopperIds == null ? List.of() : List.copyOf(shopperIds);
        managerIds = managerIds == null ? List.of() : List.copyOf(managerIds);
    }

    static CampaignForm empty() {
        return new CampaignForm("", "", "draft", "", "", "", null, null, null, "", "", "");
    }

    static CampaignForm of(Campaign c) {
        Campaign.Goals g = c.goals() == null ? new Campaign.Goals(null, null, null) : c.goals();
        return new CampaignForm(c.name(), c.description() == null ? "" : c.description(), c.status().wire(), c.surveyId().toString(),
                text(c.startDate()), text(c.endDate()), strings(c.zoneIds()), strings(c.shopperIds()), strings(c.managerIds()),
                text(g.total()), text(g.perZone()), g.targetScore() == null ? "" : g.targetScore().stripTrailingZeros().toPlainString());
    }

    public boolean has(List<String> ids, Object id) {
        return ids.contains(String.valueOf(id));
    }

    List<Error> problems() {
        List<Error> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add(new Error("shop.campaign.error.name", "The campaign needs a name"));
        }
        if (uuid(surveyId) == null) {
            out.add(new Error("shop.campaign.error.survey", "Choose the survey"));
        }
        LocalDate start = date(startDate);
        LocalDate end = date(endDate);
        if (start == null && !blank(startDate) || end == null && !blank(endDate)) {
            out.add(new Error("shop.campaign.error.date", "Dates are written yyyy-mm-dd"));
        } else if (start != null && end != null && end.isBefore(start)) {
            out.add(new Error("shop.campaign.error.dates", "The end is before the start"));
        }
        Integer total = integer(goalTotal);
        Integer perZone = integer(goalPerZone);
        BigDecimal target = decimal(targetScore);
        if ((total == null && !blank(goalTotal)) || (perZone == null && !blank(goalPerZone)) || (total != null && total < 0)
                || (perZone != null && perZone < 0)) {
            out.add(new Error("shop.campaign.error.goal", "Goals are whole numbers, 0 or more"));
        }
        if ((target == null && !blank(targetScore)) || (target != null && (target.signum() < 0 || target.compareTo(BigDecimal.valueOf(100)) > 0))) {
            out.add(new Error("shop.campaign.error.target", "The target score is between 0 and 100"));
        }
        if (java.util.Arrays.stream(CampaignStatus.values()).noneMatch(s -> s.wire().equals(status))) {
            out.add(new Error("shop.campaign.error.status", "Unknown status"));
        }
        return out;
    }

    /** The fields for the store; lists are whole (an unticked box removes the zone or person). */
    CampaignStore.CampaignFields fields() {
        return new CampaignStore.CampaignFields(name.strip(), description == null ? "" : description, CampaignStatus.fromWire(status),
                uuid(surveyId), date(startDate), date(endDate), uuids(zoneIds), uuids(shopperIds), uuids(managerIds),
                new Campaign.Goals(integer(goalTotal), integer(goalPerZone), decimal(targetScore)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static UUID uuid(String s) {
        try {
            return blank(s) ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<UUID> uuids(List<String> ids) {
        return ids.stream().map(CampaignForm::uuid).filter(java.util.Objects::nonNull).toList();
    }

    private static LocalDate date(String s) {
        try {
            return blank(s) ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return blank(s) ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return blank(s) ? null : new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static List<String> strings(List<UUID> ids) {
        return ids == null ? List.of() : ids.stream().map(UUID::toString).toList();
    }
}
