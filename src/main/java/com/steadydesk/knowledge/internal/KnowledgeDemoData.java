package com.steadydesk.knowledge.internal;

import com.steadydesk.knowledge.ArticleDraft;
import com.steadydesk.knowledge.ArticleManagement;
import com.steadydesk.knowledge.CategoryManagement;
import com.steadydesk.knowledge.CategoryManagement.CategoryForm;
import com.steadydesk.knowledge.Visibility;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** Seeds a demo help center: categories and about 25 articles (Chinese first, some English, a few internal handbooks). */
@Component
@Order(60)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class KnowledgeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDemoData.class);

    private final ArticleManagement articles;
    private final CategoryManagement categories;
    private final JdbcClient jdbc;
    private final Clock clock;

    KnowledgeDemoData(ArticleManagement articles, CategoryManagement categories, JdbcClient jdbc, Clock clock) {
        this.articles = articles;
        this.categories = categories;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Seed(String category, String slug, String title, String summary, String body, String language, boolean isPublic,
            List<String> tags, int reviewInDays) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from kb_articles").query(Integer.class).single() > 0) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            Map<String, Long> ids = seedCategories();
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
            for (Seed s : seeds()) {
                var a = articles.create(new ArticleDraft(s.title(), s.slug(), s.summary(), s.body(), ids.get(s.category()), s.language(),
                        s.tags(), today.plusDays(s.reviewInDays()), "初稿"));
                if (s.isPublic()) {
                    articles.changeVisibility(a.id(), Visibility.PUBLIC);
                }
                articles.publish(a.id());
            }
            log.info("Knowledge demo data: {} categories, {} articles", ids.size(), seeds().size());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Map<String, Long> seedCategories() {
        Map<String, Long> ids = new HashMap<>();
        String[][] rows = {
                {"orders", "订单问题", "Orders"}, {"shipping", "物流配送", "Shipping & delivery"}, {"refunds", "退款与售后", "Refunds & returns"},
                {"payment", "支付问题", "Payment"}, {"account", "账户与安全", "Account & security"}, {"app", "App 使用与故障", "App & troubleshooting"},
                {"privacy", "隐私与数据", "Privacy & data"}, {"handbooks", "内部手册", "Internal handbooks"}};
        for (int i = 0; i < rows.length; i++) {
            ids.put(rows[i][0], categories.create(new CategoryForm(null, rows[i][0], rows[i][1], rows[i][2], i)).id());
        }
        ids.put("invoices", categories.create(new CategoryForm(ids.get("orders"), "invoices", "发票", "Invoices", 1)).id());
        return ids;
    }

    private static List<Seed> seeds() {
        return List.of(
                new Seed("orders", "cha-xun-ding-dan-zhuang-tai", "如何查询订单状态", "在 App 或网页的“我的订单”里随时查看。",
                        "## 查询方法\n\n1. 打开 App，点击右下角 **我的**。\n2. 进入 **我的订单**，选择要查看的订单。\n3. 订单详情页会显示当前状态：待付款、待发货、运输中、已签收。\n\n网页端同样在右上角 **我的订单** 中查看。\n\n> 下单后 30 分钟内未付款的订单会自动取消。",
                        "zh-CN", true, List.of("订单", "查询"), 180),
                new Seed("orders", "qu-xiao-ding-dan", "如何取消订单", "未发货的订单可以自助取消，款项原路退回。",
                        "订单在 **待发货** 状态时，可在订单详情页点击 **取消订单**，款项将在 1-3 个工作日内原路退回。\n\n已发货的订单无法取消，请在签收后申请退货。",
                        "zh-CN", true, List.of("订单", "取消", "退款"), 180),
                new Seed("orders", "xiu-gai-shou-huo-di-zhi", "如何修改收货地址", "发货前可以在订单详情中修改。",
                        "订单发货前，您可以在 **我的订单 → 订单详情 → 修改地址** 中修改收货地址，每个订单最多修改 2 次。\n\n发货后地址无法在线修改，请联系在线客服，我们会尽力协调快递公司。",
                        "zh-CN", true, List.of("订单", "地址"), 180),
                new Seed("invoices", "kai-fa-piao", "如何申请发票", "签收后 30 天内可在订单详情申请电子发票。",
                        "签收后 30 天内，在 **订单详情 → 申请发票** 填写抬头和税号，电子发票会在 3 个工作日内发送到您的邮箱。\n\n如需修改发票抬头，请在开票前修改；已开具的发票需先作废再重开。",
                        "zh-CN", true, List.of("发票"), 365),
                new Seed("shipping", "wu-liu-bu-geng-xin", "物流信息长时间不更新怎么办", "超过 72 小时未更新请联系客服。",
                        "快递在中转途中可能暂时没有扫描记录，一般 24-48 小时内会更新。\n\n如果超过 **72 小时** 仍未更新，请联系在线客服并提供订单号，我们会向快递公司核实。",
                        "zh-CN", true, List.of("物流", "快递"), 120),
                new Seed("shipping", "fa-huo-shi-jian", "下单后多久发货", "现货商品 48 小时内发货。",
                        "现货商品在付款后 **48 小时内** 发货；预售商品以商品页标注的发货时间为准。\n\n节假日和大促期间发货可能顺延 1-2 天。",
                        "zh-CN", true, List.of("物流", "发货"), 120),
                new Seed("shipping", "shipping-times", "Shipping times and delivery", "Standard shipping takes 3-5 business days.",
                        "Standard shipping takes **3 to 5 business days** within mainland China, 7 to 12 days to Hong Kong, Macao and Taiwan.\n\nYou get a tracking number by SMS and email as soon as the parcel leaves our warehouse.",
                        "en", true, List.of("shipping", "delivery"), 120),
                new Seed("refunds", "tui-kuan-duo-jiu-dao-zhang", "退款多久到账", "一般 1-5 个工作日原路退回。",
                        "退款审核通过后，款项会 **原路退回**：\n\n- 微信支付 / 支付宝：1-3 个工作日\n- 银行卡：3-5 个工作日\n- 信用卡：3-7 个工作日，以银行账单为准\n\n超过上述时间仍未到账，请联系客服并提供退款单号。",
                        "zh-CN", true, List.of("退款", "到账"), 90),
                new Seed("refunds", "qi-tian-wu-li-you-tui-huo", "七天无理由退货说明", "签收后 7 天内，商品完好可申请无理由退货。",
                        "签收后 **7 天内**，商品及包装完好、不影响二次销售，即可申请无理由退货。\n\n- 定制商品、生鲜食品、已拆封的个人护理用品不适用。\n- 退货运费由买家承担；质量问题由我们承担。",
                        "zh-CN", true, List.of("退货", "售后", "退款"), 90),
                new Seed("refunds", "shen-qing-shou-hou", "商品有质量问题如何申请售后", "拍照上传，48 小时内审核。",
                        "在 **订单详情 → 申请售后** 选择“质量问题”，上传商品照片和问题描述。我们会在 48 小时内审核，审核通过后可选择退款、换货或维修。",
                        "zh-CN", true, List.of("售后", "质量问题"), 90),
                new Seed("refunds", "refund-policy", "Refund policy", "Ask for a refund within 30 days of delivery.",
                        "You can ask for a refund within **30 days** of delivery. Refunds go back to the original payment method within 1-5 business days after we receive the return.\n\nCustom-made items are not refundable unless they are faulty.",
                        "en", true, List.of("refund", "returns"), 90),
                new Seed("payment", "zhi-fu-shi-bai", "支付失败怎么办", "检查余额与网络，或更换支付方式。",
                        "支付失败常见原因：银行卡余额不足、单笔限额、网络中断。\n\n建议：\n1. 确认余额和限额；\n2. 切换网络后重试；\n3. 更换支付方式（微信、支付宝、银行卡）。\n\n如果被扣款但订单显示未支付，款项会在 **24 小时内自动退回**，无需重复付款。",
                        "zh-CN", true, List.of("支付", "扣款"), 60),
                new Seed("payment", "chong-fu-kou-kuan", "重复扣款如何处理", "系统会自动退回多扣的款项。",
                        "如果同一订单被扣款两次，系统会在 **24 小时内** 自动退回多扣的款项，原路返回。超过 3 个工作日仍未到账，请联系客服并提供支付凭证截图。",
                        "zh-CN", true, List.of("支付", "重复扣款", "退款"), 60),
                new Seed("payment", "payment-methods", "Which payment methods are accepted?", "WeChat Pay, Alipay, UnionPay and major credit cards.",
                        "We accept **WeChat Pay, Alipay, UnionPay** debit cards and Visa/Mastercard credit cards. Cash on delivery is not available.",
                        "en", true, List.of("payment"), 180),
                new Seed("account", "zhao-hui-mi-ma", "忘记密码怎么办", "用绑定的手机号或邮箱重置。",
                        "在登录页点击 **忘记密码**，输入绑定的手机号或邮箱，按验证码提示设置新密码。\n\n如果手机号已停用，请联系客服进行人工身份核验。",
                        "zh-CN", true, List.of("账户", "密码"), 365),
                new Seed("account", "reset-password", "How to reset your password", "Use the Forgot password link on the login page.",
                        "If you forgot your password, choose **Forgot password** on the login page and enter your phone number or email. We send you a code to set a new password.\n\nFor your safety we never ask for your password by phone or chat.",
                        "en", true, List.of("account", "password"), 365),
                new Seed("account", "zhang-hu-an-quan", "账号被盗或异常登录怎么办", "立即修改密码并联系客服冻结账号。",
                        "如果发现异常登录或订单：\n1. 立即修改密码；\n2. 在 **账户安全** 中退出所有设备；\n3. 联系客服冻结账号并核查订单。\n\n我们的客服 **不会** 向您索要验证码或密码。",
                        "zh-CN", true, List.of("账户", "安全"), 180),
                new Seed("app", "app-shan-tui", "App 打开后闪退怎么办", "升级到最新版本并重启手机。",
                        "如果 iPhone 或安卓手机上的 App 一打开就闪退：\n1. 在应用商店升级到最新版本；\n2. 重启手机；\n3. 仍然闪退时，卸载后重新安装（订单和账户数据不会丢失）。\n\n请把手机型号和系统版本告诉客服，方便技术同事排查。",
                        "zh-CN", true, List.of("App", "闪退", "故障"), 60),
                new Seed("app", "app-crashes", "The app crashes on start", "Update the app and restart your phone.",
                        "If the app closes right after opening, update it from the App Store or your Android store, restart the phone, and reinstall if needed. Your orders and account are kept on our servers.",
                        "en", true, List.of("app", "crash"), 60),
                new Seed("app", "shou-bu-dao-yan-zheng-ma", "收不到短信验证码", "检查拦截设置，60 秒后重试。",
                        "请检查手机是否拦截了短信、是否欠费停机，60 秒后可重新获取。多次收不到请尝试语音验证码。",
                        "zh-CN", true, List.of("App", "验证码"), 180),
                new Seed("privacy", "ge-ren-xin-xi-bao-hu", "我们如何保护您的个人信息", "只收集必要信息，加密存储，不出售。",
                        "我们只收集完成订单所必需的信息（姓名、电话、地址），传输与存储全程加密，**不会出售** 您的个人信息。\n\n您可以在 **账户设置 → 隐私** 中下载或删除您的数据。",
                        "zh-CN", true, List.of("隐私", "个人信息"), 365),
                new Seed("privacy", "delete-my-data", "How to delete your account and data", "Request deletion in Account settings > Privacy.",
                        "Go to **Account settings → Privacy → Delete my account**. We delete your personal data within 15 days, except what the law requires us to keep (invoices).",
                        "en", true, List.of("privacy", "account"), 365),
                new Seed("handbooks", "wei-ji-qi-jian-hua-shu-shi-yong-zhi-nan", "危机期间话术使用指南", "危机期间只用事实页和已审核话术。",
                        "## 原则\n\n- 只使用 **事实页** 上的信息和话术库中 **已审核** 的话术，不猜测、不承诺未确认的时间。\n- 先共情，再说明事实，最后给出下一步和公开进展页链接。\n- 遇到媒体、律师、监管机构来电，**不回应**，立即上报组长。\n\n## 升级\n\n客户情绪激烈或提到投诉媒体时，按“上报”按钮升级到值班主管。",
                        "zh-CN", false, List.of("危机", "话术", "内部"), -3),
                new Seed("handbooks", "lin-shi-ke-fu-shang-gang-shou-ce", "临时客服上岗手册", "借调、外包和兼职同事的第一天指南（应急手册）。",
                        "欢迎加入！这份手册帮助临时同事在第一天就能独立接待。\n\n## 第一天\n1. 登录稳客服，确认能看到 **收件箱** 和 **话术库**。\n2. 阅读当前危机的 **事实页**（知识库 → 事实页）。\n3. 跟随带教老师旁听 10 个会话（老带新）。\n\n## 系统指南\n- 回复前先搜索话术库，使用 `{订单号}` 等占位符。\n- 客户联系方式对临时账号是打码显示的，这是正常的。\n- 不确定时点 **上报**，不要自己承诺退款或补偿。\n\n## 常见问题\n- 退款到账时间、物流查询、发票：见帮助中心对应文章。",
                        "zh-CN", false, List.of("应急手册", "新人", "内部"), -1),
                new Seed("handbooks", "shift-handover-checklist", "Shift handover checklist", "What to hand over at the end of a shift.",
                        "Before you leave: reassign open conversations you promised to follow up, write a note on tickets waiting for another team, and post anything new from customers in the squad channel.",
                        "en", false, List.of("handover", "internal"), 30));
    }
}
