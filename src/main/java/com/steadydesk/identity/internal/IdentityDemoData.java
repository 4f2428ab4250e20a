package com.steadydesk.identity.internal;

import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo staff of a small customer-service team, seeded once when only the first admin exists: agents, a team lead,
 * an outsourced and a part-time agent, a script reviewer and a crisis lead. All share {@code steadydesk.demo-password}.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class IdentityDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);
    private static final String MAIL_DOMAIN = "@wenke-demo.example.com";

    private final UserManagement users;
    private final Users repository;
    private final String password;

    IdentityDemoData(UserManagement users, Users repository, @Value("${steadydesk.demo-password:wenke-demo-2026}") String password) {
        this.users = users;
        this.repository = repository;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        // FirstAdmin (order 0) has created "admin"; anyone beyond it means this database is not empty.
        if (repository.count() > 1) {
            return;
        }
        List<NewUser> staff = List.of(
                person("zhangwei", "张伟", Role.AGENT),
                person("lina", "李娜", Role.AGENT),
                person("wangfang", "王芳", Role.SUPERVISOR),
                person("liuyang", "刘洋（外包）", Role.TEMP_AGENT),
                person("sunli", "孙丽（兼职）", Role.TEMP_AGENT),
                person("chenjing", "陈静", Role.REVIEWER, Role.AGENT),
                person("zhaolei", "赵磊", Role.CRISIS_LEAD, Role.AGENT),
                person("zhoumin", "周敏", Role.AGENT),
                person("wuqiang", "吴强", Role.AGENT),
                person("emily", "Emily Lin", Role.AGENT));
        staff.forEach(users::create);
        String names = String.join(", ", staff.stream().map(NewUser::username).toList());
        System.out.println("\n  Demo users (password: " + password + "): " + names + "\n");
        log.info("Seeded {} demo users", staff.size());
    }

    private NewUser person(String username, String displayName, Role... roles) {
        return new NewUser(username, displayName, username + MAIL_DOMAIN, password, Set.of(roles));
    }
}
