package com.steadydesk.crisis.internal;

import com.steadydesk.crisis.GradingFactor;
import com.steadydesk.crisis.GradingMatrix;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The grading matrix as admins tuned it (tables crisis_grading_factors and crisis_grading_thresholds). */
@Repository
public class GradingSettings {

    private final JdbcClient jdbc;

    GradingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public GradingMatrix load() {
        Map<GradingFactor, GradingMatrix.Rule> rules = new EnumMap<>(GradingFactor.class);
        jdbc.sql("select * from crisis_grading_factors").query(rs -> {
            rules.put(GradingFactor.valueOf(rs.getString("factor")),
                    new GradingMatrix.Rule(rs.getInt("weight"), rs.getLong("level1"), rs.getLong("level2"), rs.getLong("level3")));
        });
        return jdbc.sql("select moderate_from, major_from from crisis_grading_thresholds where id = 1")
                .query((rs, n) -> new GradingMatrix(rules, rs.getInt(1), rs.getInt(2))).single();
    }

    public void save(GradingMatrix matrix) {
        matrix.rules().forEach((factor, rule) -> jdbc.sql("""
                        insert into crisis_grading_factors (factor, weight, level1, level2, level3) values (?, ?, ?, ?, ?)
                        on conflict (factor) do update set weight = excluded.weight, level1 = excluded.level1,
                            level2 = excluded.level2, level3 = excluded.level3""")
                .params(factor.name(), rule.weight(), rule.level1(), rule.level2(), rule.level3()).update());
        jdbc.sql("update crisis_grading_thresholds set moderate_from = ?, major_from = ? where id = 1")
                .params(matrix.moderateFrom(), matrix.majorFrom()).update();
    }
}
