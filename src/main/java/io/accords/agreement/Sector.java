package io.accords.agreement;

/** The industrial sectors an agreement concerns. */
public enum Sector {
    AEROSPACE,
    NAVAL,
    LAND_SYSTEMS,
    MUNITIONS,
    MISSILES_AIR_DEFENCE,
    C4ISR_ELECTRONICS,
    CYBER,
    SPACE,
    MRO,
    TRAINING,
    CRITICAL_MINERALS,
    INFRASTRUCTURE,
    DUAL_USE
}
