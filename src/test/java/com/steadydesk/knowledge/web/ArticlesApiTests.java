package com.steadydesk.knowledge.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.steadydesk.knowledge.KnowledgeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = KnowledgeFixtures.OWN_CONTEXT)
@AutoConfigureMockMvc
class ArticlesApiTests {

    @Autowired
    MockMvc mvc;

    static final String BODY = """
            {"title": "API 文章", "body": "第一版", "language": "zh-CN", "tags": ["api"]}""";

    long create() throws Exception {
        String json = mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated()).andExpect(header().string("Location", containsString("/api/v1/articles/")))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    @WithMockUser(username = "api-agent", roles = "AGENT")
    void createsUpdatesAndRestoresVersions() throws Exception {
        long id = create();
        mvc.perform(put("/api/v1/articles/" + id).param("baseVersion", "1").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("第一版", "第二版")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentVersion").value(2));
        mvc.perform(get("/api/v1/articles/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.article.title").value("API 文章")).andExpect(jsonPath("$.versions.length()").value(2));
        mvc.perform(get("/api/v1/articles/" + id + "/diff").param("from", "1").param("to", "2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(containsString("+ 第二版")));
        mvc.perform(get("/api/v1/articles/" + id + "/versions/1")).andExpect(jsonPath("$.body").value("第一版"));
        mvc.perform(post("/api/v1/articles/" + id + "/versions/1/restore")).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentVersion").value(3)).andExpect(jsonPath("$.body").value("第一版"));
        mvc.perform(get("/api/v1/articles").param("tag", "api").param("limit", "100")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
    }

    @Test
    @WithMockUser(username = "api-agent", roles = "AGENT")
    void invalidBodiesAnswerProblemDetailsNamingTheFields() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"\", \"language\": \"fr\"}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("language")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("body")));
    }

    @Test
    @WithMockUser(username = "api-agent", roles = "AGENT")
    void missingArticlesAndConflictsAreProblems() throws Exception {
        mvc.perform(get("/api/v1/articles/999999")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        long id = create();
        mvc.perform(put("/api/v1/articles/" + id).param("baseVersion", "7").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("article.edit-conflict"));
        mvc.perform(post("/api/v1/articles/" + id + "/versions/1/restore")).andExpect(status().isConflict());
    }

    @Test
    @WithMockUser(username = "api-agent", roles = "AGENT")
    void anAgentCannotPublish() throws Exception {
        long id = create();
        mvc.perform(post("/api/v1/articles/" + id + "/publish")).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithMockUser(username = "api-sup", roles = "SUPERVISOR")
    void aSupervisorPublishesAndChangesVisibility() throws Exception {
        long id = create();
        mvc.perform(put("/api/v1/articles/" + id + "/visibility").contentType(MediaType.APPLICATION_JSON).content("{\"visibility\":\"PUBLIC\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.visibility").value("PUBLIC"));
        mvc.perform(post("/api/v1/articles/" + id + "/publish")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void anonymousCallersAreRejected() throws Exception {
        mvc.perform(get("/api/v1/articles")).andExpect(status().isUnauthorized());
    }
}
