package com.steadydesk.channels.internal;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns the raw bytes of an email into {@link ParsedMail}: headers and bodies decoded whatever their charset,
 * HTML sanitised, attachments extracted, threading headers kept. Pure: no database, so it is tested on byte
 * fixtures. Anything it cannot make sense of throws {@link UnparseableMailException} and the message goes to
 * quarantine.
 */
public final class InboundMailParser {

    private static final int MAX_DEPTH = 20;
    private static final Session SESSION = session();

    /** Parses RFC 822 bytes. */
    public ParsedMail parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new UnparseableMailException("empty message");
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Body body = new Body();
            walk(message, body, 0);
            // raw 8-bit header text is in the charset the message declares: its first text part's, else its own
            String hint = body.declaredCharset != null ? body.declaredCharset : contentType(message).getParameter("charset");
            Mailbox from = sender(message, hint);
            String text = body.text.isEmpty() ? null : String.join("\n\n", body.text);
            String html = body.html.isEmpty() ? null : String.join("<hr>", body.html);
            String sanitized = html == null ? null : MailHtml.sanitize(html);
            if (text == null && sanitized != null) {
                text = MailHtml.toText(sanitized);
            }
            return new ParsedMail(from.address(), from.name(), firstRecipient(message),
                    HeaderText.decode(message.getHeader("Subject", null), hint), text == null ? "" : withoutNul(text), withoutNul(sanitized),
                    MessageIds.normalise(message.getHeader("Message-ID", null)),
                    MessageIds.normalise(message.getHeader("In-Reply-To", null)),
                    MessageIds.list(message.getHeader("References", " ")),
                    body.attachments, sentDate(message));
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof UnparseableMailException u) {
                throw u;
            }
            throw new UnparseableMailException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Message-ID from the raw header block alone, for de-duplication before (and whether or not) parsing succeeds. */
    public static String messageIdOf(byte[] raw) {
        String headers = rawHeaders(raw);
        for (String line : headers.replaceAll("\\r?\\n[ \\t]+", " ").split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Message-ID")) {
                return MessageIds.normalise(line.substring(colon + 1));
            }
        }
        return null;
    }

    /** The header block of raw bytes (up to the first empty line), decoded for display. */
    public static String rawHeaders(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        int endLf = text.indexOf("\n\n");
        int cut = end < 0 ? endLf : endLf < 0 ? end : Math.min(end, endLf);
        return cut < 0 ? text : text.substring(0, cut);
    }

    /**
     * The sender. An address that is not a valid e-mail address ({@code root@localhost}, {@code undisclosed-recipients:;})
     * is kept as written: the customers module decides what it can identify, and the mail becomes a ticket either way.
     * Only a message without any From or Sender goes to quarantine.
     */
    private static Mailbox sender(MimeMessage message, String hint) throws MessagingException {
        String header = message.getHeader("From", ",");
        for (String fallback : new String[] {"Sender", "Reply-To"}) {
            if (header == null || header.isBlank()) {
                header = message.getHeader(fallback, ",");
            }
        }
        if (header == null || header.isBlank()) {
            throw new UnparseableMailException("no From address");
        }
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(header, false);
        } catch (AddressException e) {
            addresses = new InternetAddress[0];
        }
        if (addresses.length > 0 && addresses[0].getAddress() != null && !addresses[0].getAddress().isBlank()) {
            String name = addresses[0].getPersonal() == null ? null : HeaderText.decode(rawPersonal(header, addresses[0]), hint);
            return new Mailbox(cut(addresses[0].getAddress().toLowerCase(Locale.ROOT).strip(), 320),
                    name == null || name.isBlank() ? null : cut(name, 256));
        }
        String asWritten = HeaderText.decode(header, hint);
        int angle = asWritten.lastIndexOf('<');
        String address = angle >= 0 && asWritten.indexOf('>', angle) > angle ? asWritten.substring(angle + 1, asWritten.indexOf('>', angle)) : asWritten;
        if (address.isBlank()) {
            address = asWritten.isBlank() ? "(none)" : asWritten;
        }
        return new Mailbox(cut(address.strip().toLowerCase(Locale.ROOT), 320), null);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** PostgreSQL text cannot hold NUL, and no reader misses one. */
    private static String withoutNul(String s) {
        return s == null ? null : s.replace("\u0000", "");
    }

    private static Instant sentDate(MimeMessage message) {
        try {
            return message.getSentDate() == null ? null : message.getSentDate().toInstant();
        } catch (MessagingException | RuntimeException unreadable) {
            return null; // a broken Date header loses nothing the received time does not tell
        }
    }

    /**
     * The display name as written in the header: InternetAddress decodes encoded-words itself (with Java's strict
     * GB2312), so the name is cut out of the raw header and decoded by {@link HeaderText}.
     */
    private static String rawPersonal(String header, InternetAddress address) {
        int angle = header.indexOf('<');
        if (angle > 0) {
            String name = header.substring(0, angle).strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1).replace("\\\"", "\"");
            }
            return name;
        }
        return address.getPersonal();
    }

    private static String firstRecipient(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
            if (to != null && to.length > 0 && to[0] instanceof InternetAddress a) {
                return a.getAddress() == null ? null : cut(a.getAddress().toLowerCase(Locale.ROOT), 320);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // a broken To header does not make the message unreadable; the mailbox tells where it came in
        }
        return null;
    }

    private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new UnparseableMailException("MIME structure nested deeper than " + MAX_DEPTH + " levels");
        }
        ContentType type = contentType(part);
        String disposition = disposition(part);
        String filename = filename(part, body.declaredCharset);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (filename != null && !type.match("multipart/*"));
        if (type.match("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new UnparseableMailException("multipart without parts");
            }
            if (multipart.getCount() == 0) {
                throw new UnparseableMailException("multipart without parts");
            }
            if (type.match("multipart/alternative")) {
                walkAlternative(multipart, body, depth);
            } else {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), body, depth + 1);
                }
            }
        } else if (!attachment && type.match("text/plain")) {
            body.declare(type.getParameter("charset"));
            body.text.add(text(part, type));
        } else if (!attachment && type.match("text/html")) {
            body.declare(type.getParameter("charset"));
            body.html.add(text(part, type));
        } else if (type.match("message/rfc822") && !attachment) {
            body.attachments.add(new MailAttachment("forwarded.eml", "message/rfc822", bytes(part)));
        } else {
            String name = filename != null ? filename : "attachment-" + (body.attachments.size() + 1) + extension(type);
            body.attachments.add(new MailAttachment(name, type.getBaseType().toLowerCase(Locale.ROOT), bytes(part)));
        }
    }

    /** Of alternatives, one plain text and one HTML version are kept (the last of each, the sender's preferred). */
    private static void walkAlternative(Multipart alternative, Body body, int depth) throws MessagingException, IOException {
        Body inner = new Body();
        inner.declaredCharset = body.declaredCharset;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            walk(part, inner, depth + 1);
        }
        body.declare(inner.declaredCharset);
        if (!inner.text.isEmpty()) {
            body.text.add(inner.text.get(inner.text.size() - 1));
        }
        if (!inner.html.isEmpty()) {
            body.html.add(inner.html.get(inner.html.size() - 1));
        }
        body.attachments.addAll(inner.attachments);
    }

    private static ContentType contentType(Part part) throws MessagingException {
        String header = part.getContentType();
        try {
            return new ContentType(header == null ? "text/plain" : header);
        } catch (jakarta.mail.internet.ParseException e) {
            // a mangled parameter list should not lose the message: keep the base type
            String base = header.split(";", 2)[0].strip();
            try {
                return new ContentType(base.isEmpty() ? "application/octet-stream" : base);
            } catch (jakarta.mail.internet.ParseException again) {
                return new ContentType("application", "octet-stream", null);
            }
        }
    }

    private static String text(Part part, ContentType type) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        String charset = type.getParameter("charset");
        if (!MailCharsets.known(charset) && type.match("text/html")) {
            charset = MailCharsets.metaCharset(bytes); // HTML often names its charset only in <meta>
        }
        return MailCharsets.decode(bytes, charset);
    }

    /**
     * The decoded content. An unknown transfer encoding ({@code x-gzip64}, {@code 6bit}) keeps the bytes as sent, and
     * broken base64 (a stray character, a short last group) is decoded as far as it goes, rather than losing the message.
     */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException decoding) {
            if (!(part instanceof MimePart mime)) {
                throw decoding;
            }
            byte[] raw = rawBytes(mime);
            String encoding = mime.getEncoding();
            return encoding != null && encoding.strip().equalsIgnoreCase("base64") ? lenientBase64(raw) : raw;
        }
    }

    private static byte[] rawBytes(MimePart part) throws MessagingException, IOException {
        InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream()
                : part instanceof MimeMessage message ? message.getRawInputStream() : null;
        if (raw == null) {
            throw new UnparseableMailException("content cannot be read");
        }
        try (raw) {
            return raw.readAllBytes();
        }
    }

    private static byte[] lenientBase64(byte[] raw) {
        String data = new String(raw, StandardCharsets.ISO_8859_1).replaceAll("[^A-Za-z0-9+/]", "");
        return java.util.Base64.getDecoder().decode(data.substring(0, data.length() - data.length() % 4));
    }

    /** The disposition token; a parameter list Jakarta Mail refuses (an unquoted encoded word) does not hide it. */
    private static String disposition(Part part) throws MessagingException {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException unreadable) {
            String[] header = part.getHeader("Content-Disposition");
            return header == null || header.length == 0 ? null : header[0].split(";", 2)[0].strip();
        }
    }

    private static String filename(Part part, String hint) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            name = rawParameter(part, "filename");
        }
        if (name == null) {
            return null;
        }
        // an RFC 2231 name (filename*=iso-8859-1''...) was already decoded with its own charset: Latin-1 letters in it
        // are letters, not raw bytes to decode again
        String decoded = rfc2231(part) ? name : HeaderText.decode(name, hint);
        decoded = decoded.replaceAll("[\\\\/\\x00-\\x1f]", "_").strip();
        return decoded.isBlank() ? null : decoded.length() > 255 ? decoded.substring(0, 255) : decoded;
    }

    /** A parameter read straight from the Content-Disposition header, for values Jakarta Mail's parser refuses. */
    private static String rawParameter(Part part, String name) throws MessagingException {
        String[] header = part.getHeader("Content-Disposition");
        if (header == null || header.length == 0) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i);\\s*" + name + "\\s*=\\s*\"?([^\";]+)").matcher(header[0]);
        return m.find() ? m.group(1).strip() : null;
    }

    private static boolean rfc2231(Part part) throws MessagingException {
        String[] disposition = part.getHeader("Content-Disposition");
        String[] type = part.getHeader("Content-Type");
        return (disposition != null && String.join(";", disposition).matches("(?is).*\\bfilename\\*.*"))
                || (type != null && String.join(";", type).matches("(?is).*\\bname\\*.*"));
    }

    private static String extension(ContentType type) {
        return switch (type.getBaseType().toLowerCase(Locale.ROOT)) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> ".bin";
        };
    }

    private static Session session() {
        Properties props = new Properties();
        // strict: a multipart without its boundary is broken and must be seen by a person, not silently half-read
        props.setProperty("mail.mime.multipart.allowempty", "false");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.decodefilename", "false");
        return Session.getInstance(props);
    }

    private record Mailbox(String address, String name) {
    }

    private static final class Body {
        String declaredCharset;
        final List<String> text = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<MailAttachment> attachments = new ArrayList<>();

        void declare(String charset) {
            if (declaredCharset == null && MailCharsets.known(charset)) {
                declaredCharset = charset;
            }
        }
    }

    /** The result of parsing one email. {@code references} and ids are in canonical form (see {@link MessageIds}). */
    public record ParsedMail(String fromAddress, String fromName, String toAddress, String subject, String textBody,
            String sanitizedHtml, String messageId, String inReplyTo, List<String> references,
            List<MailAttachment> attachments, Instant sentAt) {
    }

    /** One attachment with its bytes, not yet stored. */
    public record MailAttachment(String filename, String contentType, byte[] content) {
    }

    /** The message cannot be read; it goes to quarantine with this message as its error. */
    public static class UnparseableMailException extends RuntimeException {
        public UnparseableMailException(String message) {
            super(message);
        }

        public UnparseableMailException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
