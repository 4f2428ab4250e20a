package com.steadydesk.customers.internal;

import com.steadydesk.customers.VipTier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forty customers of a demo online shop, mostly Chinese, a few VIPs with account managers (wangfang, zhaolei of
 * identity's demo data). Seeds only an empty customers table.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class CustomersDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CustomersDemoData.class);

    private final Customers customers;
    private final CustomerQueries queries;
    private final Clock clock;

    CustomersDemoData(Customers customers, CustomerQueries queries, Clock clock) {
        this.customers = customers;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (queries.count() > 0) {
            return;
        }
        Instant now = Instant.now(clock);
        List<Seed> seeds = seeds();
        // Saved from the end of the list, so that the first seeds are the newest and open the customer list.
        for (int i = seeds.size() - 1; i >= 0; i--) {
            Instant created = now.minus(Duration.ofHours(7L * i + 3));
            Customer customer = seeds.get(i).toCustomer(created);
            customers.save(customer);
        }
        log.info("Demo data: {} customers", seeds.size());
    }

    record Seed(String name, String email, String phone, String externalId, VipTier tier, String accountManager, String notes) {
        static Seed of(String name, String email, String phone) {
            return new Seed(name, email, phone, null, VipTier.NONE, null, null);
        }

        Seed id(String externalId) {
            return new Seed(name, email, phone, externalId, tier, accountManager, notes);
        }

        Seed vip(VipTier tier, String accountManager) {
            return new Seed(name, email, phone, externalId, tier, accountManager, notes);
        }

        Seed notes(String notes) {
            return new Seed(name, email, phone, externalId, tier, accountManager, notes);
        }

        Customer toCustomer(Instant created) {
            Customer customer = Customer.create(name, created);
            if (email != null) {
                customer.addEmail(email, created);
            }
            if (phone != null) {
                customer.addPhone(phone, created);
            }
            if (externalId != null) {
                customer.replaceExternalIds(List.of(externalId), created);
            }
            customer.changeTier(tier, created);
            customer.assignAccountManager(accountManager, created);
            customer.changeNotes(notes, created);
            return customer;
        }
    }

    static List<Seed> seeds() {
        return List.of(
                Seed.of("刘建国", "liujianguo@example.cn", "13901234567").id("shop:U10001").vip(VipTier.PLATINUM, "wangfang")
                        .notes("企业采购负责人，年采购额大。出现问题请先电话联系，其助理电话 13800138000。"),
                Seed.of("陈静", "chenjing@example.com", "13812345678").id("shop:U10023").vip(VipTier.GOLD, "wangfang")
                        .notes("偏好微信和邮件沟通，工作日 9:00-18:00 方便接听。"),
                Seed.of("Emily Carter", "emily.carter@example.com", "+44 7700 900123").id("crm:C-2041").vip(VipTier.GOLD, "zhaolei")
                        .notes("Prefers English. Based in London, 8 hours behind Beijing."),
                Seed.of("王海涛", "wanghaitao@example.cn", "186-0021-3344").id("shop:U10057").vip(VipTier.SILVER, "zhaolei"),
                Seed.of("赵敏", "zhaomin@example.com", "+86 137 0000 8899").vip(VipTier.SILVER, null)
                        .notes("上次物流延误已补偿 20 元优惠券。"),
                Seed.of("孙丽华", "sunlihua@example.cn", "15900001234").id("app:88120034").vip(VipTier.PLATINUM, "zhaolei")
                        .notes("长期合作门店店主，投诉请直接升级给客户经理。"),
                Seed.of("张伟", "zhangwei@example.com", "13512345678").id("shop:U10102"),
                Seed.of("李娜", "lina@example.cn", "13698765432"),
                Seed.of("刘洋", "liuyang@example.com", "15012344321").id("shop:U10115"),
                Seed.of("杨磊", "yanglei@example.cn", "18611112222").notes("曾反映退款到账慢，已解决。"),
                Seed.of("黄婷", "huangting@example.com", "17788889999"),
                Seed.of("周杰", "zhoujie@example.cn", null).id("app:88120991"),
                Seed.of("吴昊", "wuhao@example.com", "13366667777"),
                Seed.of("徐丽", "xuli@example.cn", "13922223333"),
                Seed.of("孙强", null, "15855556666").notes("只接受电话联系。"),
                Seed.of("胡波", "hubo@example.com", "18033334444").id("shop:U10230"),
                Seed.of("朱琳", "zhulin@example.cn", "13100002222"),
                Seed.of("高翔", "gaoxiang@example.com", "15299998888"),
                Seed.of("林晓", "linxiao@example.cn", "18944445555").id("shop:U10311"),
                Seed.of("何雪", "hexue@example.com", "13677778888"),
                Seed.of("郭峰", "guofeng@example.cn", "010-62345678").notes("办公室座机，工作时间可接。"),
                Seed.of("马超", "machao@example.com", "13211223344"),
                Seed.of("罗敏", "luomin@example.cn", "15633445566"),
                Seed.of("梁晨", "liangchen@example.com", "18755667788").id("app:88121560"),
                Seed.of("宋佳", "songjia@example.cn", "13577889900"),
                Seed.of("郑凯", "zhengkai@example.com", "15199001122"),
                Seed.of("谢娟", "xiejuan@example.cn", "18322334455"),
                Seed.of("韩梅", "hanmei@example.com", "13744556677").id("shop:U10488"),
                Seed.of("唐亮", "tangliang@example.cn", "15366778899"),
                Seed.of("冯雪", "fengxue@example.com", null),
                Seed.of("于洋", "yuyang@example.cn", "18188990011"),
                Seed.of("董浩", "donghao@example.com", "13900112233"),
                Seed.of("程亮", "chengliang@example.cn", "15822113344"),
                Seed.of("曹宇", "caoyu@example.com", "021-55501234"),
                Seed.of("袁媛", "yuanyuan@example.cn", "17612345098"),
                Seed.of("James Wilson", "james.wilson@example.com", "+1 415 555 0142").id("crm:C-2107"),
                Seed.of("Sophie Martin", "sophie.martin@example.com", null),
                Seed.of("David Chen", "david.chen@example.com", "13011112222").notes("Bilingual; replies in English are fine."),
                Seed.of("Olivia Brown", "olivia.brown@example.com", "+61 412 345 678"),
                Seed.of("邓超", "dengchao@example.cn", "18900001111"));
    }
}
