package com.steadydesk.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small, realistic help-center corpus: Chinese and English articles, with distractors that share characters. */
public final class SearchFixtures {

    private SearchFixtures() {
    }

    public static SearchDocument article(String id, String title, String body, boolean isPublic, String category, String language) {
        return new SearchDocument("article", id, title, body, List.of(category), Map.of("category", category, "url", "/kb/" + id),
                language, isPublic, Instant.parse("2026-11-01T08:00:00Z"));
    }

    public static List<SearchDocument> articles() {
        return List.of(
                article("refund", "如何申请退款", "订单签收后7天内，可在 App「我的订单」中申请退款。退款审核通过后，款项将在3-5个工作日内原路退回。超过时限请联系在线客服。", true, "售后", "zh"),
                article("return", "退货流程说明", "商品未拆封可申请七天无理由退货。请在订单详情页填写退货单号，退货运费由买家承担，质量问题除外。", true, "售后", "zh"),
                article("payment", "付款方式与分期", "支持微信支付、支付宝和银行卡付款，部分商品支持分期付款。付款失败时请检查银行卡余额。", true, "支付", "zh"),
                article("delay", "物流延迟怎么办", "受暴雨天气影响，华南部分地区物流延迟2-3天。您可以在订单详情查看最新物流信息，包裹到达前我们会短信通知。", true, "物流", "zh"),
                article("tracking", "如何查询物流进度", "在订单详情页点击「查看物流」即可查询快递进度。若发货延迟超过48小时，系统会自动发送短信提醒。", true, "物流", "zh"),
                article("app-crash", "APP 闪退的解决办法", "如果 App 打开后闪退，请先升级到最新版本，清除缓存后重启手机。iOS 用户可在 App Store 更新，安卓用户可在应用商店更新。", true, "技术故障", "zh"),
                article("iphone-refund", "iPhone 订单退款说明", "通过 Apple Pay 购买的 iPhone 订单，退款会退回 Apple Pay 绑定的银行卡，到账时间以银行为准。", true, "售后", "zh"),
                article("iphone-screen", "iPhone 屏幕维修预约", "iPhone 屏幕碎裂可预约上门维修，工程师会在24小时内联系您确认时间。", true, "售后", "zh"),
                article("en-refund", "How to request a refund", "You can request a refund within 7 days of delivery. Refunds are returned to the original payment method within 3-5 business days.", true, "after-sales", "en"),
                article("en-password", "Resetting your password", "Click 'Forgot password' on the login page and follow the link we email you. The link expires after 30 minutes.", true, "account", "en"),
                article("en-delivery", "Delivery delays during peak season", "During peak season some parcels arrive two or three days late. Track your parcel on the order page.", true, "logistics", "en"),
                article("en-invoice", "Requesting an invoice", "Invoices can be downloaded from the order page once the order has shipped. Company invoices need a tax number.", true, "billing", "en"),
                article("internal-compensation", "内部：重大故障补偿标准（勿外传）", "重大故障期间，客服可直接发放20元优惠券作为补偿；单笔退款超过500元需主管审批。", false, "内部", "zh"));
    }
}
