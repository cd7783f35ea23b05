package io.accords.agreement;

/** How the parties to an agreement cooperate. */
public enum CooperationMode {
    JOINT_PRODUCTION,
    CO_DEVELOPMENT,
    LICENSED_PRODUCTION,
    TECHNOLOGY_TRANSFER,
    PROCUREMENT,
    OFFSET,
    MRO,
    TRAINING,
    RESEARCH,
    SUPPLY_OF_MATERIALS,
    INFORMATION_EXCHANGE
}
