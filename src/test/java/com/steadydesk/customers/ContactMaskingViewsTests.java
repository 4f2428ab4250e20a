package com.steadydesk.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.AttachmentRef;
import com.steadydesk.channels.Attachments;
import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.search.SearchIndex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Everything a temporary agent can read about a ticket and its requester — the ticket page and its conversation, the
 * inbox list, the ticket API, the customer page and API, search results, attachment names — built through the real
 * services from text full of phone numbers and addresses in every format, then read as a TEMP_AGENT: no 5 digits in a
 * row of any number survive (see {@link ContactMaskingTests#windowsSurviving}), nor any address's local part or the
 * requester's name. An agent reads the same views in clear, which shows the check can see a leak.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContactMaskingViewsTests {

    /** The numbers written below, by the digits that identify the subscriber. */
    static final List<String> NUMBERS = List.of("13957318264", "02168132957", "01087654321", "4155550199", "13824681357", "13672915840",
            "75513579246");
    static final List<String> LOCAL_PARTS = List.of("liming.vip@", "张三丰@", "jürgen.weiß@", "wangfang@");

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;
    @Autowired
    Attachments attachments;
    @Autowired
    SearchIndex search;

    String tag;
    CustomerProfile requester;
    TicketId ticket;
    AttachmentRef scan;

    @BeforeEach
    void ticketFullOfContacts() throws Exception {
        tag = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6);
        // the same requester for every test: a phone number belongs to one customer
        requester = customers.identifyByPhone("+86 139 5731 8264", "李明远");
        customers.update(requester.id(), new CustomerManagement.CustomerChanges(null, List.of("liming.vip.7f@example.com"), null, null,
                null, null, "备用 ｗａｎｇｆａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ，座机 (021) 6813 2957"));
        scan = attachments.store("身份证_13824681357_张三丰@例子.中国.jpg", "image/jpeg", new byte[] {1, 2, 3});
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("phone", "１３９５７３１８２６４");
        fields.put("name", "李明远");
        ticket = tickets.open(new OpenTicket("退款 " + tag + " 请回电 139-5731-8264 或 +1 (415) 555-0199",
                "您好。手机 139 5731 8264，座机 021-6813-2957，北京 010 8765 4321，老号码 13824681357，"
                        + "深圳 0755.1357.9246，新号 136/7291/5840，邮箱 liming.vip@example.com、张三丰@例子.中国、jürgen.weiß@bücher.de。"
                        + " Call me at (415) 555-0199.",
                null, requester.id(), Channel.EMAIL, TicketPriority.NORMAL, Set.of(), fields, List.of(scan), null, null), VipTier.NONE);
        mvc.perform(post("/api/v1/tickets/{id}/messages", ticket.value()).with(user("agent-" + tag).roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"NOTE\", \"body\": \"客户说他的另一个号 +86 136 7291 5840，邮箱 wangfang@example.com\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/tickets/{id}/calls", ticket.value()).with(user("agent-" + tag).roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callerName\": \"李明远\", \"callerPhone\": \"02168132957\", \"summary\": \"回拨 010-8765-4321 未接\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void aTemporaryAgentReadsNoNumberAddressOrNameInAnyView() throws Exception {
        String id = String.valueOf(ticket.value());
        awaitIndexed();
        for (String url : List.of("/inbox/tickets/" + id, "/inbox/tickets/" + id + "/conversation", "/inbox?view=all",
                "/inbox/fragments/customer-tickets/" + requester.id().value(), "/api/v1/tickets/" + id, "/api/v1/tickets/" + id + "/messages",
                "/api/v1/tickets?view=ALL", "/customers/" + requester.id().value(), "/api/v1/customers/" + requester.id().value(),
                "/search?q=" + tag, "/search?q=" + tag + "&kind=customer", "/api/v1/search?q=" + tag, "/customers")) {
            String body = read(get(url).with(user("temp-" + tag).roles("TEMP_AGENT")));
            assertNothingLeaks(url, body);
        }
        String disposition = mvc.perform(get("/inbox/tickets/{id}/attachments/{a}", id, scan.id()).with(user("temp-" + tag).roles("TEMP_AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertNothingLeaks("attachment download", java.net.URLDecoder.decode(disposition, StandardCharsets.UTF_8));
    }

    @Test
    void anAgentReadsThemInClear() throws Exception {
        String page = read(get("/inbox/tickets/" + ticket.value()).with(user("agent-" + tag).roles("AGENT")));
        assertThat(page).contains("李明远", "139 5731 8264", "liming.vip@example.com", "liming.vip.7f@example.com", "张三丰@例子.中国", "身份证_13824681357");
        assertThat(ContactMaskingTests.windowsSurviving("02168132957", page)).isNotEmpty();
        String api = read(get("/api/v1/tickets/" + ticket.value()).with(user("agent-" + tag).roles("AGENT")));
        assertThat(api).contains("\"name\":\"李明远\"", "139-5731-8264");
    }

    @Test
    void aTemporaryAgentSeesTheRequesterByTheFirstCharacterOfTheName() throws Exception {
        String page = read(get("/inbox/tickets/" + ticket.value()).with(user("temp-" + tag).roles("TEMP_AGENT")));
        assertThat(page).contains("李**").doesNotContain("明远");
        String api = read(get("/api/v1/tickets/" + ticket.value()).with(user("temp-" + tag).roles("TEMP_AGENT")));
        assertThat(api).contains("\"name\":\"李**\"", "\"email\":\"l***@example.com\"", "\"phone\":\"+86 *******8264\"");
    }

    /**
     * The same check with the numbers and addresses the masking property generates ({@link ContactMaskingTests#phones},
     * {@link ContactMaskingTests#anyEmails}), in a subject, a body, a note, an attachment name and the requester's address.
     */
    @Test
    void generatedNumbersAndAddressesLeakInNoView() throws Exception {
        ContactMaskingTests generators = new ContactMaskingTests();
        // numbers with few distinct digits (130 0000 0000) have windows such as "30000" that any page holds for other
        // reasons (intervals, amounts); the masking property itself covers them, the views take telling numbers
        List<ContactMaskingTests.Phone> phones = generators.phones().sampleStream()
                .filter(p -> p.subscriberDigits().chars().distinct().count() >= 5).limit(6).toList();
        List<String> emails = generators.anyEmails().sampleStream().limit(3).toList();
        CustomerProfile someone = customers.identifyByEmail("gen." + tag + "@example.com", "Olivia Chen");
        AttachmentRef file = attachments.store("scan " + phones.get(5).written() + ".pdf", "application/pdf", new byte[] {1});
        TicketId generated = tickets.open(new OpenTicket("Please call " + phones.get(0).written() + " 谢谢 " + emails.get(0),
                "电话" + phones.get(1).written() + "，或者 " + phones.get(2).written() + " / mail " + emails.get(1) + " 。Or " + phones.get(3).written(),
                null, someone.id(), Channel.EMAIL, TicketPriority.NORMAL, Set.of(), Map.of(), List.of(file), null, null), VipTier.NONE);
        mvc.perform(post("/api/v1/tickets/{id}/messages", generated.value()).with(user("agent-" + tag).roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"NOTE\", \"body\": \"备注 " + phones.get(4).written() + " " + emails.get(2) + "\"}"))
                .andExpect(status().isCreated());
        String id = String.valueOf(generated.value());
        for (String url : List.of("/inbox/tickets/" + id, "/inbox/tickets/" + id + "/conversation", "/inbox?view=all",
                "/api/v1/tickets/" + id, "/api/v1/tickets/" + id + "/messages", "/api/v1/tickets?view=ALL", "/customers/" + someone.id().value(),
                "/api/v1/customers/" + someone.id().value())) {
            // times and dates are no contact data, and their digits could meet a random number's by chance
            String text = HtmlUtils.htmlUnescape(read(get(url).with(user("temp-" + tag).roles("TEMP_AGENT"))))
                    .replaceAll("(\\d{4}-)?\\d{2}-\\d{2}[T ][\\d:.]+Z?", "");
            for (ContactMaskingTests.Phone phone : phones) {
                assertThat(ContactMaskingTests.windowsSurviving(phone.subscriberDigits(), text)).as("%s in %s", phone, url).isEmpty();
            }
            for (String email : emails) {
                String local = email.substring(0, email.indexOf('@'));
                assertThat(text).as("%s in %s", email, url).doesNotContain(local.substring(1) + "@");
            }
        }
    }

    private void awaitIndexed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            search.refreshNow();
            return !search.rank(new com.steadydesk.search.SearchQuery(tag, Set.of("ticket"), Map.of(), false, 5)).isEmpty();
        });
    }

    private String read(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void assertNothingLeaks(String where, String body) {
        // times are no contact data, and the digits of a timestamp ("02:07:36.729") can meet a number's by chance
        String text = HtmlUtils.htmlUnescape(body).replaceAll("(\\d{4}-)?\\d{2}-\\d{2}[T ][\\d:.]+Z?", "");
        for (String number : NUMBERS) {
            assertThat(ContactMaskingTests.windowsSurviving(number, text)).as("digits of %s in %s", number, where).isEmpty();
        }
        for (String local : LOCAL_PARTS) {
            assertThat(text).as("address in %s", where).doesNotContain(local).doesNotContain(local.substring(1));
        }
        assertThat(text).as("the requester's name in %s", where).doesNotContain("明远");
        assertThat(text).as("the requester's address in %s", where).doesNotContain("iming.vip.7f");
    }
}
