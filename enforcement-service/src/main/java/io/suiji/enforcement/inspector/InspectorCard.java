package io.suiji.enforcement.inspector;

/**
 * What enforcement knows of an inspector of the registry (执法检查人员): enough for the inspection
 * notice (亮码检查).
 *
 * @param certificateNumber 执法证号; null while the registry has none
 * @param status            the registry's status (ACTIVE, ON_LEAVE, RETIRED)
 */
public record InspectorCard(String id, String name, String certificateNumber, String status) {

    /** Whether the inspector can show a law-enforcement certificate at the door. */
    public boolean certified() {
        return certificateNumber != null && !certificateNumber.isBlank();
    }
}
