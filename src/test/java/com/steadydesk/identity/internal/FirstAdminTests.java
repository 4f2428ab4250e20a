package com.steadydesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The line telling a newcomer where to log in comes when there is something to see. */
@SpringBootTest(properties = "steadydesk.demo-data=true")
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void printsTheReadyLineOnlyAfterTheDemoDataIsSeeded(CapturedOutput output) {
        String log = output.getOut();
        int readyLine = log.indexOf("SteadyDesk (稳客服) is running");
        assertThat(readyLine).as("the ready line was printed").isPositive();
        // the inbox and the crisis are the last demo data a newcomer looks for
        assertThat(log.indexOf("Inbox demo data:")).isPositive().isLessThan(readyLine);
        assertThat(log.indexOf("Crisis demo data:")).isPositive().isLessThan(readyLine);
        assertThat(jdbc.sql("select count(*) from tickets").query(Long.class).single()).isPositive();
    }
}
