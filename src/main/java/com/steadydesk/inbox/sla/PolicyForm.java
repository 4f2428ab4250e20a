package com.steadydesk.inbox.sla;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.validation.BindingResult;

/**
 * The policy editor's fields, as typed. Numbers stay text until {@link #toPolicy} so that "abc" gets a message next
 * to the field rather than a type-mismatch page. Units: SECONDS, MINUTES, HOURS (of business time on a calendar).
 */
record PolicyForm(String name, String channel, String priority, String vipTier, String firstResponseAmount,
        String firstResponseUnit, String resolutionAmount, String resolutionUnit, String calendarId, String atRiskPercent,
        Boolean active) {

    enum Unit {
        SECONDS(1), MINUTES(60), HOURS(3600);

        final long seconds;

        Unit(long seconds) {
            this.seconds = seconds;
        }
    }

    static PolicyForm blank() {
        return new PolicyForm("", "", "", "", "", "HOURS", "", "HOURS", "", String.valueOf(SlaPolicy.DEFAULT_AT_RISK_PERCENT), true);
    }

    static PolicyForm of(SlaPolicy p) {
        String[] fr = amount(p.firstResponseTarget());
        String[] res = amount(p.resolutionTarget());
        return new PolicyForm(p.name(), p.channel() == null ? "" : p.channel().name(),
                p.priority() == null ? "" : p.priority().name(), p.vipTier() == null ? "" : p.vipTier().name(),
                fr[0], fr[1], res[0], res[1], p.calendarId() == null ? "" : p.calendarId().toString(),
                String.valueOf(p.atRiskPercent()), p.active());
    }

    private static String[] amount(Duration d) {
        if (d == null) {
            return new String[] {"", "HOURS"};
        }
        long s = d.toSeconds();
        Unit unit = s <= 90 ? Unit.SECONDS : s % 3600 == 0 ? Unit.HOURS : s % 60 == 0 ? Unit.MINUTES : Unit.SECONDS;
        return new String[] {String.valueOf(s / unit.seconds), unit.name()};
    }

    /** The policy described, or empty with the field errors added to {@code errors}. */
    Optional<SlaPolicy> toPolicy(long id, int position, java.util.Set<Long> calendarIds, BindingResult errors) {
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.isEmpty()) {
            reject(errors, "name", "sla.error.required");
        } else if (trimmedName.length() > 100) {
            reject(errors, "name", "sla.error.tooLong");
        }
        var channelValue = parseEnum(com.steadydesk.channels.Channel.class, channel, "channel", errors);
        var priorityValue = parseEnum(com.steadydesk.inbox.TicketPriority.class, priority, "priority", errors);
        var tierValue = parseEnum(VipCriterion.class, vipTier, "vipTier", errors);
        Duration fr = duration(firstResponseAmount, firstResponseUnit, "firstResponseAmount", errors);
        Duration res = duration(resolutionAmount, resolutionUnit, "resolutionAmount", errors);
        if (fr == null && res == null && !errors.hasFieldErrors("firstResponseAmount") && !errors.hasFieldErrors("resolutionAmount")) {
            reject(errors, "firstResponseAmount", "sla.error.noTarget");
        }
        Long calendar = null;
        if (calendarId != null && !calendarId.isBlank()) {
            try {
                calendar = Long.valueOf(calendarId.trim());
                if (!calendarIds.contains(calendar)) {
                    reject(errors, "calendarId", "sla.error.invalid");
                }
            } catch (NumberFormatException e) {
                reject(errors, "calendarId", "sla.error.invalid");
            }
        }
        int percent = 0;
        try {
            percent = Integer.parseInt(atRiskPercent == null ? "" : atRiskPercent.trim());
        } catch (NumberFormatException e) {
            percent = -1;
        }
        if (percent < 1 || percent > 99) {
            reject(errors, "atRiskPercent", "sla.error.percent");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new SlaPolicy(id, trimmedName, channelValue, priorityValue, tierValue, fr, res, calendar, percent,
                Boolean.TRUE.equals(active), position));
    }

    private Duration duration(String amount, String unit, String field, BindingResult errors) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(amount.trim());
            Unit u = Unit.valueOf(unit == null ? "" : unit);
            if (n <= 0 || n * u.seconds > Integer.MAX_VALUE) {
                reject(errors, field, "sla.error.number");
                return null;
            }
            return Duration.ofSeconds(n * u.seconds);
        } catch (IllegalArgumentException e) {
            reject(errors, field, "sla.error.number");
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, BindingResult errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElseGet(() -> {
            reject(errors, field, "sla.error.invalid");
            return null;
        });
    }

    static void reject(BindingResult errors, String field, String code, Object... args) {
        errors.rejectValue(field, code, args, code);
    }
}
