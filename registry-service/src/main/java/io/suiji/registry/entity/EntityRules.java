package io.suiji.registry.entity;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.registry.FieldProblem;
import io.suiji.registry.identity.EntityCode;
import io.suiji.registry.identity.InvalidCodeException;
import io.suiji.registry.identity.PersonalIds;
import io.suiji.registry.identity.ResidentId;
import io.suiji.registry.region.Region;
import io.suiji.registry.region.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules an entity must meet, shared by the API and the bulk import: a checked code (the kind
 * follows from the target types: individuals by resident ID, organisations by their codes), the
 * catalogue's target types, a region of the city, plausible dates and counts.
 */
public final class EntityRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_COMPLAINTS = 100_000;

    private final PersonalIds personalIds;

    public EntityRules(PersonalIds personalIds) {
        this.personalIds = personalIds;
    }

    /**
     * The outcome of a check.
     *
     * @param code       as stored and evented: the organisation's code, or the keyed hash of an ID number
     * @param residentId the clear, normalised ID number of an individual (to be sealed), else null
     */
    public record Checked(String code, CodeKind kind, String residentId, EntityFacts facts, List<FieldProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Checked check(String rawCode, EntityFacts facts, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> types = checkTypes(facts.targetTypes(), problems);
        EntityFacts clean = new EntityFacts(strip(facts.name()), types, strip(facts.region()), strip(facts.address()),
                facts.creditClass(), facts.creditClassDate(), facts.complaintsLast12Months(), facts.seriousViolation(),
                facts.abnormalOperation(), facts.insured(), facts.registeredOn());

        String code = null;
        CodeKind kind = null;
        String residentId = null;
        try {
            if (clean.person()) {
                residentId = ResidentId.validate(rawCode, today);
                code = personalIds.hash(residentId);
                kind = CodeKind.RESIDENT_ID_HASH;
            } else {
                EntityCode entityCode = EntityCode.ofOrganisation(rawCode, today);
                code = entityCode.value();
                kind = entityCode.kind();
            }
        } catch (InvalidCodeException e) {
            problems.add(new FieldProblem("code", e.getMessage()));
        }

        if (clean.name() == null || clean.name().isEmpty()) {
            problems.add(new FieldProblem("name", "the name is required"));
        } else if (clean.name().length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "at most " + MAX_NAME + " characters"));
        }
        if (clean.region() == null || clean.region().isEmpty()) {
            problems.add(new FieldProblem("region", "the region is required"));
        } else if (Regions.byCode(clean.region()).filter(Region::holdsEntities).isEmpty()) {
            problems.add(new FieldProblem("region", clean.region() + " is not a region of 平顶山市 that holds entities; one of "
                    + Regions.entityRegions().stream().map(r -> r.code() + " " + r.name()).collect(Collectors.joining(", "))));
        }
        if (clean.address() != null && clean.address().length() > MAX_ADDRESS) {
            problems.add(new FieldProblem("address", "at most " + MAX_ADDRESS + " characters"));
        }
        if (clean.creditClassDate() != null) {
            if (clean.creditClass() == null) {
                problems.add(new FieldProblem("creditClassDate", "a grading date needs a credit class"));
            }
            if (clean.creditClassDate().isAfter(today)) {
                problems.add(new FieldProblem("creditClassDate", clean.creditClassDate() + " is in the future"));
            }
        }
        if (clean.complaintsLast12Months() < 0 || clean.complaintsLast12Months() > MAX_COMPLAINTS) {
            problems.add(new FieldProblem("complaintsLast12Months", "must be from 0 to " + MAX_COMPLAINTS));
        }
        if (clean.registeredOn() != null && clean.registeredOn().isAfter(today)) {
            problems.add(new FieldProblem("registeredOn", clean.registeredOn() + " is in the future"));
        }
        return new Checked(code, kind, residentId, clean, List.copyOf(problems));
    }

    /** A deregistration date: not before registration, not in the future. */
    public static List<FieldProblem> checkDeregistration(LocalDate on, LocalDate registeredOn, LocalDate today, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (on == null) {
            problems.add(new FieldProblem(field, "the deregistration date is required"));
        } else if (on.isAfter(today)) {
            problems.add(new FieldProblem(field, on + " is in the future"));
        } else if (registeredOn != null && on.isBefore(registeredOn)) {
            problems.add(new FieldProblem(field, on + " is before the registration date " + registeredOn));
        }
        return problems;
    }

    private static List<String> checkTypes(List<String> given, List<FieldProblem> problems) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : given) {
            if (type != null && !type.isBlank()) {
                types.add(type.strip());
            }
        }
        if (types.isEmpty()) {
            problems.add(new FieldProblem("targetTypes", "at least one target type is required, from "
                    + String.join("、", TargetTypes.ALL)));
            return List.of();
        }
        for (String type : types) {
            if (!TargetTypes.known(type)) {
                problems.add(new FieldProblem("targetTypes", type + " is not a target type of the catalogue; one of "
                        + String.join("、", TargetTypes.ALL)));
            }
        }
        boolean person = types.stream().anyMatch(TargetTypes::isPerson);
        if (person && types.size() > 1) {
            problems.add(new FieldProblem("targetTypes", TargetTypes.PENSION_RECIPIENT
                    + " are individuals and cannot also be organisations"));
        }
        return List.copyOf(types);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
