package com.steadydesk.scripts.internal;

import com.steadydesk.scripts.internal.lint.LintSubject.JargonTerm;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The admin-editable list of internal terms the linter flags (script_jargon). */
@Repository
public class JargonList {

    private final JdbcClient jdbc;

    JargonList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<JargonTerm> all() {
        return jdbc.sql("select term, suggestion from script_jargon order by lower(term)")
                .query((rs, n) -> new JargonTerm(rs.getString(1), rs.getString(2))).list();
    }

    public void add(String term, String suggestion) {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("term is required");
        }
        jdbc.sql("insert into script_jargon (term, suggestion) values (?, ?) on conflict (term) do update set suggestion = excluded.suggestion")
                .params(term.strip(), suggestion == null ? null : suggestion.strip()).update();
    }

    public void remove(String term) {
        jdbc.sql("delete from script_jargon where term = ?").param(term).update();
    }
}
