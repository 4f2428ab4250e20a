package com.steadydesk.scripts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.identity.Role;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptManagement.LibraryFilter;
import com.steadydesk.scripts.ScriptStatus;
import com.steadydesk.scripts.ScriptsTestSupport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Import: the preview reports every row's errors and writes nothing; confirming writes the valid rows as drafts. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ScriptsTestSupport.Clocks.class)
class ScriptImportTests {

    static final String CSV = """
            title,category,language,body,tags,audience,placeholders,expires_on
            导入退款说明,refund,zh-CN,"退款会在3-5个工作日内原路退回，订单 {{order_no}}。",退款,ALL,order_no|订单号|required,
            ,refund,zh-CN,没有标题的一行,,ALL,,
            Import shipping,不存在的分类,en,Ships soon.,,ALL,,
            Bad language,order-status,fr,Bonjour,,ALL,,
            Undeclared,order-status,en,Order {{order_no}} is on its way.,,ALL,,
            Bad date,order-status,en,Hello,,ALL,,2026-13-45
            Imported greeting,问候,en,"Hi {{customer.name}}, happy to help.",snippet,ALL,,2030-12-31
            """;

    @Autowired
    ScriptImport imports;
    @Autowired
    ScriptExport export;
    @Autowired
    ScriptManagement scripts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    long count() {
        return jdbc.sql("select count(*) from scripts").query(Long.class).single();
    }

    @Test
    void previewReportsRowErrorsAndWritesNothingThenCommitWritesDrafts() {
        long before = count();
        long id = imports.upload("scripts.csv", ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8), "importer");
        List<ScriptImport.Row> rows = imports.preview(id);

        assertThat(rows).hasSize(7);
        assertThat(rows).filteredOn(ScriptImport.Row::valid).extracting(ScriptImport.Row::title).containsExactly("导入退款说明", "Imported greeting");
        assertThat(rows.get(1).errors()).containsExactly("title is empty");
        assertThat(rows.get(2).errors()).anyMatch(e -> e.contains("unknown category"));
        assertThat(rows.get(3).errors()).anyMatch(e -> e.contains("language"));
        assertThat(rows.get(4).errors()).anyMatch(e -> e.contains("undeclared"));
        assertThat(rows.get(5).errors()).anyMatch(e -> e.contains("expires_on"));
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(count()).isEqualTo(before);

        imports.commit(id, "importer");

        assertThat(count()).isEqualTo(before + 2);
        assertThat(imports.progress(id)).satisfies(p -> {
            assertThat(p.status()).isEqualTo("DONE");
            assertThat(p.done()).isEqualTo(2);
        });
        var drafts = ScriptsTestSupport.as("importer", Role.SUPERVISOR,
                () -> scripts.search("导入退款说明", new LibraryFilter(null, null, null, ScriptStatus.DRAFT), 5));
        assertThat(drafts).isNotEmpty();
        assertThat(drafts.get(0).placeholders()).extracting(p -> p.name()).containsExactly("order_no");
        assertThat(ScriptsTestSupport.as("importer", Role.SUPERVISOR, () -> scripts.versions(drafts.get(0).id()))).hasSize(1);
    }

    @Test
    void exportedWorkbookImportsAgain() {
        ScriptsTestSupport.run("importer", Role.SUPERVISOR, () -> imports.commit(imports.upload("a.csv", CSV.getBytes(StandardCharsets.UTF_8), "importer"),
                "importer"));
        var out = new ByteArrayOutputStream();
        export.xlsx(out);
        List<ScriptImport.Row> rows = imports.parse("export.xlsx", out.toByteArray());
        assertThat(rows).isNotEmpty().allMatch(ScriptImport.Row::valid);
        assertThat(rows).extracting(ScriptImport.Row::title).contains("导入退款说明", "Imported greeting");
        assertThat(export.all()).extracting(ScriptExport.ExportedScript::title).contains("导入退款说明");
    }

    @Test
    void uploadShowsThePreviewPageForGbkFiles() throws Exception {
        byte[] gbk = "标题,分类,语言,正文\nGBK 退款,退款与售后,中文,退款会在3-5个工作日内原路退回。\n,refund,zh-CN,缺标题\n".getBytes(Charset.forName("GBK"));
        String location = mvc.perform(multipart("/scripts/import").file(new MockMultipartFile("file", "gbk.csv", "text/csv", gbk))
                        .with(user("sup").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user("sup").roles("SUPERVISOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("GBK 退款"))).andExpect(content().string(containsString("title is empty")))
                .andExpect(content().string(containsString("1 行有效，1 行有错误")));
        mvc.perform(multipart("/scripts/import").file(new MockMultipartFile("file", "x.csv", "text/csv", gbk))
                .with(user("agent").roles("AGENT")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/scripts/export.json").with(user("sup").roles("SUPERVISOR"))).andExpect(status().isOk());
    }

    @Test
    void aBareInchMarkInACellDoesNotSwallowTheRestOfTheFileAndThePreviewShowsEveryRowRead() throws Exception {
        byte[] csv = ("title,category,language,body\n"
                + "屏幕碎裂保修,refund,zh-CN,您好，屏幕 6.1\" 碎了可以申请保修，我们会尽快处理。\n"
                + "物流查询说明,order-status,zh-CN,您好，您的订单已发出，请耐心等待。\n").getBytes(StandardCharsets.UTF_8);
        String location = mvc.perform(multipart("/scripts/import").file(new MockMultipartFile("file", "inch.csv", "text/csv", csv))
                        .with(user("sup").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user("sup").roles("SUPERVISOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("屏幕碎裂保修"))).andExpect(content().string(containsString("物流查询说明")))
                .andExpect(content().string(containsString("2 行有效，0 行有错误")));
    }
}
