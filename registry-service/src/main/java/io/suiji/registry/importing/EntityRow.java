package io.suiji.registry.importing;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.registry.entity.EntityFacts;
import java.time.LocalDate;
import java.util.Set;

/**
 * One good row of an entity import.
 *
 * @param present        the optional columns the file has (absent ones keep what the registry holds)
 * @param residentId     the clear ID number of an individual (sealed before it is written), else null
 * @param deregisteredOn from 注销日期 when the file has that column
 */
public record EntityRow(long number, String code, CodeKind kind, String residentId, EntityFacts facts, LocalDate deregisteredOn,
        Set<EntityColumn> present) {
}
