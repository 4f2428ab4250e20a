package com.steadydesk.channels.internal;

import jakarta.mail.MessagingException;

/**
 * A mailbox's stored password cannot be opened with the current key, so its server cannot be reached. A mail error
 * like a refused login: the poll, the sending or the connection test reports it on that mailbox, nothing else stops.
 */
public class MailboxPasswordUnreadable extends MessagingException {

    MailboxPasswordUnreadable(String server, SecretBox.Unreadable cause) {
        super("The stored " + server + " password cannot be decrypted (" + cause.getMessage() + "). Restore the key it was "
                + "saved with (steadydesk.secrets.key or the secrets.key file) or enter the password again.", cause);
    }

    /** True for the error text {@link MailServers#describe} gives this exception (stored as the mailbox's last error). */
    static boolean describes(String error) {
        return error != null && error.startsWith(MailboxPasswordUnreadable.class.getSimpleName());
    }
}
