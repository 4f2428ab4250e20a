/** Customer profiles, contact points, VIP tier, account manager, and the masking of personal data. */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package com.steadydesk.customers;
