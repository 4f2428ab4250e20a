package com.steadydesk.crisis;

/** Who owns a crisis task. */
public enum Department {
    PR, PRODUCT, TECH, MARKETING, LOGISTICS, FINANCE, CUSTOMER_SERVICE, MANAGEMENT, LEGAL, HR
}
