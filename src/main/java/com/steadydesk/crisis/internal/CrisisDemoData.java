package com.steadydesk.crisis.internal;

import com.steadydesk.crisis.CrisisDetails;
import com.steadydesk.crisis.CrisisGrade;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisScope;
import com.steadydesk.crisis.CrisisTaskManagement;
import com.steadydesk.crisis.CrisisTaskView;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.GradingFactors;
import com.steadydesk.crisis.NewCrisisReport;
import com.steadydesk.crisis.ReportingChain;
import com.steadydesk.crisis.StatusPage;
import com.steadydesk.crisis.TaskStatus;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.inbox.InboxQuery;
import com.steadydesk.inbox.InboxView;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo crises: a major payment outage declared by 赵磊 (zhaolei) with linked tickets, a public update and progress on
 * its playbook, and a fresh report about warehouse delays waiting for acknowledgement. Seeds only an empty module.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class CrisisDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CrisisDemoData.class);
    private static final String LEAD = "zhaolei";

    private final JdbcClient jdbc;
    private final CrisisManagement crises;
    private final ReportingChain chain;
    private final CrisisTaskManagement tasks;
    private final StatusPage statusPage;
    private final TicketManagement tickets;
    private final UserManagement users;
    private final Clock clock;

    CrisisDemoData(JdbcClient jdbc, CrisisManagement crises, ReportingChain chain, CrisisTaskManagement tasks, StatusPage statusPage,
            TicketManagement tickets, UserManagement users, Clock clock) {
        this.jdbc = jdbc;
        this.crises = crises;
        this.chain = chain;
        this.tasks = tasks;
        this.statusPage = statusPage;
        this.tickets = tickets;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from crises").query(Long.class).single() > 0 || users.findByUsername(LEAD).isEmpty()) {
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(LEAD, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_CRISIS_LEAD"), new SimpleGrantedAuthority("ROLE_AGENT"))));
        SecurityContextHolder.setContext(context);
        try {
            for (CrisisGrade grade : CrisisGrade.values()) {
                chain.levels(grade).stream().filter(l -> l.level() == 1).findFirst().ifPresent(l -> chain.setOnDuty(l.id(), LEAD));
            }
            seedOutage();
            crises.report(new NewCrisisReport(CrisisType.COMPLAINT_ESCALATION, "华南仓库发货延迟，催单投诉增多",
                    "广州仓今天上午起出库缓慢，多位客户在微博上@官方账号。", Instant.now(clock).minus(Duration.ofHours(3)), List.of()));
            log.info("Crisis demo data: a declared payment outage and a fresh report");
        } catch (RuntimeException e) {
            log.warn("crisis demo data not seeded: {}", e.toString());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void seedOutage() {
        List<Long> paymentTickets = tickets.list(new InboxQuery(InboxView.ALL, null, null, null, null, null, "支付", null, null, null, 50))
                .rows().stream().map(TicketSummary::id).map(t -> t.value()).toList();
        CrisisDetails outage = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "支付系统故障：部分订单无法付款",
                "支付网关超时，App 与小程序的付款成功率降至 60%。", Instant.now(clock).minus(Duration.ofMinutes(50)), paymentTickets),
                new GradingFactors(Set.of(GradingFactors.Nature.QUALITY, GradingFactors.Nature.REPUTATION), 12_000, 6, 300_000,
                        GradingFactors.Trend.RISING, GradingFactors.Urgency.CRITICAL, GradingFactors.Attention.SOCIAL_MEDIA));
        chain.acknowledge(outage.id());
        crises.describeScope(outage.id(), CrisisScope.withPublicWording(List.of("在线支付", "优惠券"), List.of("Online payment", "Coupons"),
                List.of("全国"), List.of("App", "小程序"), List.of("支付失败", "付款失败", "扣款"), "部分订单暂时无法付款",
                "Payment outage: some orders cannot be paid"));
        List<CrisisTaskView> list = tasks.of(outage.id());
        if (!list.isEmpty()) {
            tasks.changeStatus(list.get(0).id(), TaskStatus.DONE, null);
        }
        if (list.size() > 1) {
            tasks.assign(list.get(1).id(), "zhangwei");
            tasks.changeStatus(list.get(1).id(), TaskStatus.IN_PROGRESS, null);
            tasks.comment(list.get(1).id(), "备用通道已准备，等待切换窗口。");
        }
        statusPage.publish(outage.id(), statusPage.draftFromTemplate(outage.id(), "first-statement",
                Instant.now(clock).plus(Duration.ofMinutes(30))));
    }
}
