package io.suiji.registry.importing;

import io.suiji.registry.inspector.InspectorFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One good row of an inspector import; conflicts name entities by their code until the writer
 * finds them in the registry.
 */
public record InspectorRow(long number, InspectorFacts facts, List<ConflictRef> conflicts, Set<InspectorColumn> present) {

    /** 利害关系申报 as a file gives it: the entity's code (or an individual's ID number), reason, date. */
    public record ConflictRef(String code, String reason, LocalDate declaredOn) {
    }
}
