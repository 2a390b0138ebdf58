package io.suiji.contracts.registry;

/** 信用等级; C and D raise inspection frequency and intensity. */
public enum CreditClass {
    A, B, C, D
}
