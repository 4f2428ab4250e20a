package com.steadydesk.inbox.internal;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.inbox.AgentMessage;
import com.steadydesk.inbox.CallOutcome;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.PhoneCall;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketSatisfaction;
import com.steadydesk.inbox.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo inbox: tickets in Chinese and some English across channels, statuses and priorities, with conversations,
 * VIP requesters, tags and assignments, and satisfaction ratings on most finished tickets (so that CSAT and the crisis
 * review show numbers). Runs after the customers' demo data; seeds only an empty inbox. Demo replies are stored as
 * already sent (no mail leaves the demo).
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class InboxDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InboxDemoData.class);

    private final TicketManagement management;
    private final TicketSatisfaction satisfaction;
    private final Tickets tickets;
    private final Messages messages;
    private final CustomerManagement customers;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InboxDemoData(TicketManagement management, TicketSatisfaction satisfaction, Tickets tickets, Messages messages, CustomerManagement customers, UserManagement users,
            JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.management = management;
        this.satisfaction = satisfaction;
        this.tickets = tickets;
        this.messages = messages;
        this.customers = customers;
        this.users = users;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One demo ticket: who asks, what, and how far it got. */
    record Demo(String email, String name, String subject, String body, Channel channel, TicketPriority priority, Set<String> tags,
            TicketStatus status, String assignee, String reply, String note, int hoursAgo, Map<String, String> fields) {
    }

    /** What a customer answered the survey with. */
    record Rating(int score, String comment) {
    }

    /** Ratings of solved and closed demo tickets, by subject: mostly good, one poor, one finished ticket left unrated. */
    static final Map<String, Rating> RATINGS = Map.of(
            "发票抬头开错了", new Rating(5, "很快就改好了，谢谢"),
            "产品说明书缺页", new Rating(4, null),
            "修改收货地址", new Rating(5, "处理及时"),
            "退款到账时间", new Rating(2, "等了太久才回复"),
            "想了解以旧换新活动", new Rating(4, null));

    static final List<Demo> DEMOS = List.of(
            new Demo("wang.fang@example.com", "王芳", "订单 SO20260301 一直没有发货", "你好，我 3 月 1 日下的单，到现在还显示待发货，请帮忙查一下什么时候能发？",
                    Channel.EMAIL, TicketPriority.NORMAL, Set.of("物流"), TicketStatus.OPEN, "zhangwei",
                    "您好，已为您查询，仓库因系统升级延迟发货，预计 48 小时内发出，发货后会短信通知您。", null, 30, Map.of()),
            new Demo("chen.jie@example.com", "陈杰", "申请退款：商品质量问题", "收到的耳机左边没有声音，要求退款。订单号 SO20260288。",
                    Channel.WEB, TicketPriority.HIGH, Set.of("退款", "质量"), TicketStatus.NEW, null, null, null, 2,
                    Map.of("order_no", "SO20260288", "phone", "13812345678")),
            new Demo("li.ming@example.com", "李明", "App 登录一直提示网络错误", "从今天早上开始 App 就登录不上，一直显示网络错误，换了 WiFi 和 4G 都一样。",
                    Channel.CHAT, TicketPriority.URGENT, Set.of("故障", "登录"), TicketStatus.OPEN, "lina", null,
                    "技术部已确认登录服务异常，正在抢修，先安抚客户。", 1, Map.of()),
            new Demo("zhao.lei@example.com", "赵磊", "对客服态度非常不满", "昨天打了三次电话都被挂断，你们到底有没有人管？我要投诉！",
                    Channel.PHONE, TicketPriority.HIGH, Set.of("投诉"), TicketStatus.OPEN, "liuyang", null,
                    "客户情绪激动，已升级给组长，今天内回电。", 5, Map.of()),
            new Demo("sun.li@example.com", "孙丽", "发票抬头开错了", "麻烦把发票抬头改成“上海稳远科技有限公司”，谢谢。",
                    Channel.EMAIL, TicketPriority.LOW, Set.of("发票"), TicketStatus.SOLVED, "zhangwei",
                    "您好，新的发票已重新开具并发送到您的邮箱，请查收。", null, 72, Map.of()),
            new Demo("zhou.qiang@example.com", "周强", "优惠券无法使用", "满 300 减 50 的优惠券结算时提示不可用，是过期了吗？",
                    Channel.WEB, TicketPriority.NORMAL, Set.of("优惠券"), TicketStatus.PENDING, "lina",
                    "您好，请问您结算时的订单金额是否包含了运费？优惠券需商品金额满 300 元才能使用。", null, 20, Map.of("order_no", "SO20260310")),
            new Demo("wu.min@example.com", "吴敏", "快递显示已签收但没收到", "物流显示昨天已签收，但我家里没人收到，也没有放快递柜。",
                    Channel.EMAIL, TicketPriority.HIGH, Set.of("物流", "丢件"), TicketStatus.OPEN, null, null, null, 8, Map.of()),
            new Demo("liujianguo@example.cn", "刘建国", "会员自动续费要取消", "我没有同意自动续费，为什么扣了我 198 元？请退回并取消。",
                    Channel.EMAIL, TicketPriority.HIGH, Set.of("退款", "会员"), TicketStatus.NEW, null, null, null, 3, Map.of()),
            new Demo("huang.yan@example.com", "黄燕", "换货进度查询", "上周申请的换货，寄回去了，什么时候能收到新的？",
                    Channel.CHAT, TicketPriority.NORMAL, Set.of("售后"), TicketStatus.ON_HOLD, "liuyang",
                    "您好，您寄回的商品仓库已签收，正在质检，预计 3 个工作日内寄出新品。", "等待仓库质检结果", 50, Map.of()),
            new Demo("emma.wilson@example.com", "Emma Wilson", "Order not delivered to Singapore", "Hi, my order SO20260215 was supposed to arrive last week. Tracking has not moved for 6 days.",
                    Channel.EMAIL, TicketPriority.NORMAL, Set.of("物流", "international"), TicketStatus.OPEN, "lina",
                    "Hello Emma, we have opened an investigation with the carrier and will update you within 24 hours.", null, 40, Map.of()),
            new Demo("david.chen@example.com", "David Chen", "Refund for duplicate charge", "I was charged twice for the same order. Please refund one of the payments.",
                    Channel.API, TicketPriority.HIGH, Set.of("退款", "payment"), TicketStatus.NEW, null, null, null, 4, Map.of()),
            new Demo("sunlihua@example.cn", "孙丽华", "数据丢失：订单记录不见了", "我的账户里历史订单全部消失了，这是怎么回事？",
                    Channel.WEB, TicketPriority.URGENT, Set.of("故障", "数据"), TicketStatus.OPEN, "zhangwei", null,
                    "疑似与凌晨的数据库迁移有关，已报技术部。", 6, Map.of()),
            new Demo("lin.xue@example.com", "林雪", "产品说明书缺页", "买的空气净化器说明书第 5-8 页缺失，能发一份电子版吗？",
                    Channel.EMAIL, TicketPriority.LOW, Set.of("咨询"), TicketStatus.CLOSED, "liuyang",
                    "您好，电子版说明书已发送到您的邮箱。", null, 200, Map.of()),
            new Demo("he.tao@example.com", "何涛", "媒体报道的安全问题是真的吗", "看到新闻说你们的充电宝有起火风险，我买的这款需要召回吗？",
                    Channel.EMAIL, TicketPriority.URGENT, Set.of("投诉", "安全"), TicketStatus.NEW, null, null, null, 1, Map.of()),
            new Demo("gao.ning@example.com", "高宁", "修改收货地址", "订单还没发货，想把收货地址改到公司。",
                    Channel.CHAT, TicketPriority.NORMAL, Set.of("物流"), TicketStatus.SOLVED, "lina",
                    "您好，收货地址已为您修改成功。", null, 26, Map.of()),
            new Demo("xu.ying@example.com", "徐莹", "积分没有到账", "上个月消费的积分一直没到账。",
                    Channel.WEB, TicketPriority.LOW, Set.of("积分"), TicketStatus.PENDING, "zhangwei",
                    "您好，请提供一下订单号，我们帮您核实。", null, 60, Map.of("order_no", "")),
            new Demo("sophie.martin@example.com", "Sophie Martin", "Cannot reset my password", "The reset email never arrives. I checked spam too.",
                    Channel.EMAIL, TicketPriority.NORMAL, Set.of("登录"), TicketStatus.OPEN, null, null, null, 12, Map.of()),
            new Demo("tang.wei@example.com", "唐伟", "批量采购报价", "公司想采购 200 台净化器，能否提供企业报价？",
                    Channel.EMAIL, TicketPriority.NORMAL, Set.of("销售"), TicketStatus.OPEN, "liuyang", null, "转给企业销售团队跟进", 15, Map.of()),
            new Demo("feng.yu@example.com", "冯雨", "客服电话一直打不通", "热线等了 40 分钟都没人接，你们是不是没人了？",
                    Channel.PHONE, TicketPriority.HIGH, Set.of("投诉"), TicketStatus.NEW, null, null, null, 2, Map.of()),
            new Demo("wanghaitao@example.cn", "王海涛", "退款到账时间", "退款申请已通过 5 天了还没到账。",
                    Channel.CHAT, TicketPriority.NORMAL, Set.of("退款"), TicketStatus.SOLVED, "zhangwei",
                    "您好，退款已原路退回，银行卡一般 3-7 个工作日到账，请耐心等待。", null, 90, Map.of()),
            new Demo("jiang.hui@example.com", "蒋慧", "收到的商品与描述不符", "图片是白色，收到的是灰色。",
                    Channel.WEB, TicketPriority.NORMAL, Set.of("售后", "质量"), TicketStatus.OPEN, null, null, null, 18, Map.of("order_no", "SO20260305")),
            new Demo("chenjing@example.com", "陈静", "账户被冻结", "登录提示账户因安全原因被冻结，我什么都没做。",
                    Channel.EMAIL, TicketPriority.URGENT, Set.of("故障", "安全"), TicketStatus.OPEN, "lina", null, "风控误判，已提交解冻申请。", 7, Map.of()),
            new Demo("ye.qing@example.com", "叶青", "想了解以旧换新活动", "以旧换新活动可以用其他品牌的旧机吗？",
                    Channel.CHAT, TicketPriority.LOW, Set.of("咨询"), TicketStatus.CLOSED, "liuyang", "您好，可以的，其他品牌旧机也可参与折价。", null, 300, Map.of()),
            new Demo("peng.fei@example.com", "彭飞", "配送员态度恶劣", "配送员把包裹扔在门口还骂人。",
                    Channel.EMAIL, TicketPriority.HIGH, Set.of("投诉", "物流"), TicketStatus.OPEN, "zhangwei", null, null, 9, Map.of()),
            new Demo("james.lee@example.com", "James Lee", "Invoice in English needed", "Could you issue an English invoice for order SO20260277?",
                    Channel.EMAIL, TicketPriority.LOW, Set.of("发票"), TicketStatus.PENDING, "lina",
                    "Hello James, could you confirm the company name and address to print on the invoice?", null, 48, Map.of()),
            new Demo("qian.lu@example.com", "钱璐", "系统故障导致重复下单", "页面卡住我点了好几次，结果下了三单，请取消两单。",
                    Channel.WEB, TicketPriority.HIGH, Set.of("故障", "退款"), TicketStatus.NEW, null, null, null, 1, Map.of("order_no", "SO20260320")),
            new Demo("yu.hong@example.com", "余红", "赠品没有收到", "活动说买就送保温杯，但包裹里没有。",
                    Channel.CHAT, TicketPriority.NORMAL, Set.of("售后"), TicketStatus.OPEN, "liuyang", null, null, 22, Map.of()),
            new Demo("wang.fang@example.com", "王芳", "再次催促：订单还是没发货", "两天过去了还是没发货，能不能给个准话？",
                    Channel.EMAIL, TicketPriority.HIGH, Set.of("物流", "催单"), TicketStatus.NEW, null, null, null, 2, Map.of()),
            new Demo("xie.na@example.com", "谢娜", "申请开具增值税专用发票", "需要增值税专票，请问需要提供哪些资料？",
                    Channel.EMAIL, TicketPriority.NORMAL, Set.of("发票"), TicketStatus.SOLVED, "zhangwei",
                    "您好，请提供公司名称、税号、地址电话、开户行及账号，我们 2 个工作日内开具。", null, 120, Map.of()),
            new Demo("emily.carter@example.com", "Emily Carter", "VIP: urgent replacement before trip", "I fly on Friday and my new phone is broken. I need a replacement before then.",
                    Channel.PHONE, TicketPriority.URGENT, Set.of("售后", "vip"), TicketStatus.OPEN, "lina", null, "客户周五出行，优先安排次日达换机。", 3, Map.of()));

    @Override
    public void run(ApplicationArguments args) {
        Long count = jdbc.sql("select count(*) from tickets").query(Long.class).single();
        if (count > 0) {
            return;
        }
        Instant now = Instant.now(clock);
        int seeded = 0;
        for (Demo demo : DEMOS) {
            try {
                transactions.executeWithoutResult(tx -> seed(demo, now));
                seeded++;
            } catch (RuntimeException e) {
                log.warn("demo ticket '{}' not seeded: {}", demo.subject(), e.toString());
            }
        }
        log.info("Inbox demo data: {} tickets", seeded);
    }

    private void seed(Demo demo, Instant now) {
        CustomerProfile customer = customers.identifyByEmail(demo.email(), demo.name());
        Optional<UserSummary> agent = demo.assignee() == null ? Optional.empty() : users.findByUsername(demo.assignee());
        TicketId id;
        if (demo.channel() == Channel.PHONE) {
            id = management.logCall(new PhoneCall(null, customer.id(), demo.name(), null, demo.subject(), demo.body(), CallOutcome.CALLBACK_NEEDED, null));
        } else {
            id = management.open(new OpenTicket(demo.subject(), demo.body(), null, customer.id(), demo.channel(), demo.priority(),
                    demo.tags(), demo.fields(), List.of(), null, null), customer.vipTier());
        }
        if (demo.channel() == Channel.PHONE) {
            management.changePriority(id, demo.priority());
            demo.tags().forEach(t -> management.tag(id, t));
        }
        agent.ifPresent(a -> management.assign(id, a.id(), "一线客服"));
        if (demo.note() != null) {
            management.addNote(id, AgentMessage.of(demo.note()));
        }
        if (demo.reply() != null) {
            // stored as sent: demo replies must not go out as real mail
            Ticket ticket = tickets.findById(id.value()).orElseThrow();
            ticket.agentReplied(null, agent.map(UserSummary::username).orElse("system"), Instant.now(clock));
            tickets.save(ticket);
            Message reply = Message.byAgent(id.value(), Message.REPLY, agent.map(a -> a.id().value()).orElse(null), demo.reply(), List.of(),
                    null, Instant.now(clock));
            reply.queuedAsEmail("<demo-" + id.value() + "@steadydesk.demo>", null, List.of());
            messages.save(reply);
            jdbc.sql("update ticket_messages set delivery_status = 'SENT' where id = ?").params(reply.getId()).update();
        }
        if (demo.status() != TicketStatus.NEW) {
            if (demo.status() != TicketStatus.OPEN || tickets.findById(id.value()).orElseThrow().getStatus() != TicketStatus.OPEN) {
                management.changeStatus(id, demo.status());
            }
        }
        Rating rating = RATINGS.get(demo.subject());
        if (rating != null) {
            satisfaction.rate(id, rating.score(), rating.comment());
        }
        // spread the demo over the past days so that lists, times and SLA look lived-in
        Duration age = Duration.ofHours(demo.hoursAgo());
        OffsetDateTime created = OffsetDateTime.ofInstant(now.minus(age), ZoneOffset.UTC);
        jdbc.sql("""
                        update tickets set created_at = ?, updated_at = ? + (updated_at - created_at) / 10,
                            first_responded_at = case when first_responded_at is null then null else ? + interval '25 minutes' end,
                            last_agent_reply_at = case when last_agent_reply_at is null then null else ? + interval '25 minutes' end,
                            solved_at = case when solved_at is null then null else ? + interval '3 hours' end,
                            closed_at = case when closed_at is null then null else ? + interval '2 days' end
                        where id = ?""")
                .params(created, created, created, created, created, created, id.value()).update();
        jdbc.sql("""
                        update ticket_messages set created_at = ? + (case kind when 'CUSTOMER' then interval '0' when 'NOTE' then interval '10 minutes'
                            else interval '25 minutes' end) + (id % 7) * interval '1 second' where ticket_id = ?""")
                .params(created, id.value()).update();
        jdbc.sql("update ticket_history set at = ? + interval '5 minutes' where ticket_id = ?").params(created, id.value()).update();
        jdbc.sql("update tickets set updated_at = greatest(created_at, (select max(created_at) from ticket_messages m where m.ticket_id = tickets.id)) where id = ?")
                .params(id.value()).update();
    }
}
