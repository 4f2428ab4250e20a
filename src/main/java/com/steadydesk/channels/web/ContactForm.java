package com.steadydesk.channels.web;

import com.steadydesk.customers.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the public contact form sends. {@code website} is the honeypot (hidden from people, filled by bots);
 * {@code startedAt} the signed time the form was shown.
 */
record ContactForm(
        @NotBlank(message = "{channels.contact.error.name}") @Size(max = 100, message = "{channels.contact.error.tooLong}") String name,
        @NotBlank(message = "{channels.contact.error.email}") @EmailAddress.Valid(message = "{channels.contact.error.emailFormat}")
        @Size(max = 254, message = "{channels.contact.error.tooLong}") String email,
        @Pattern(regexp = "^$|^[0-9+()\\- ]{5,30}$", message = "{channels.contact.error.phone}") String phone,
        @Size(max = 64, message = "{channels.contact.error.tooLong}") String orderNo,
        @Size(max = 200, message = "{channels.contact.error.tooLong}") String subject,
        @NotBlank(message = "{channels.contact.error.message}") @Size(max = 5000, message = "{channels.contact.error.messageLength}") String message,
        String website,
        String startedAt) {

    static ContactForm empty(String token) {
        return new ContactForm("", "", "", "", "", "", "", token);
    }

    ContactForm withToken(String token) {
        return new ContactForm(name, email, phone, orderNo, subject, message, "", token);
    }
}
