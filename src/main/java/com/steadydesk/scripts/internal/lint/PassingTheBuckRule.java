package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Severity;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Phrases that push responsibility to another department or to the customer (推诿). */
@Component
public class PassingTheBuckRule extends PhraseRule {

    static final List<String> CHINESE = List.of("不归我们管", "不是我们的问题", "不是我们的责任", "不关我们的事", "跟我们没关系", "与我们无关",
            "请找其他部门", "找别的部门", "请您自己联系", "您自己去", "这是您的问题", "是您自己的问题", "这是快递的问题", "我们也没办法",
            "不是我负责", "不归我管", "没办法帮您");
    static final List<String> ENGLISH = List.of("not our responsibility", "not our problem", "not our fault", "your own fault",
            "you should have", "contact the courier yourself", "ask another department", "contact another department",
            "nothing we can do", "not my job", "not my department", "that's up to you", "not something we handle");
    private static final List<Pattern> PATTERNS = Stream.concat(CHINESE.stream(), ENGLISH.stream()).map(PhraseRule::phrase).toList();

    @Override
    public String code() {
        return "passing-the-buck";
    }

    @Override
    public List<LintFinding> check(LintSubject subject) {
        return find(subject.content().body(), PATTERNS, Severity.WARNING, "lint.passing-the-buck", (m, i) -> List.of(m));
    }
}
