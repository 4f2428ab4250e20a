package com.steadydesk.scripts.web;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.scripts.internal.ScriptExport;
import com.steadydesk.scripts.internal.ScriptImport;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Import (upload → preview → confirm → progress) and export (xlsx, JSON) of the library. */
@Controller
@RequestMapping("/scripts")
class ScriptImportController {

    private static final Logger log = LoggerFactory.getLogger(ScriptImportController.class);

    private final ScriptImport imports;
    private final ScriptExport export;
    private final CurrentUser currentUser;
    private final TaskExecutor executor;

    ScriptImportController(ScriptImport imports, ScriptExport export, CurrentUser currentUser,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.imports = imports;
        this.export = export;
        this.currentUser = currentUser;
        this.executor = executor;
    }

    @GetMapping("/import")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String importPage() {
        return "scripts/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String upload(@RequestParam("file") MultipartFile file) throws IOException {
        long id = imports.upload(file.getOriginalFilename(), file.getBytes(), currentUser.username());
        return "redirect:/scripts/import/" + id;
    }

    /** The preview: every row valid or with its errors; nothing is written until confirmed. */
    @GetMapping("/import/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String preview(@PathVariable long id, Model model) {
        ScriptImport.Progress progress = imports.progress(id);
        model.addAttribute("progress", progress);
        if ("PREVIEW".equals(progress.status())) {
            List<ScriptImport.Row> rows = imports.preview(id);
            model.addAttribute("validCount", rows.stream().filter(ScriptImport.Row::valid).count());
            model.addAttribute("invalid", rows.stream().filter(r -> !r.valid()).toList());
            model.addAttribute("sample", rows.stream().filter(ScriptImport.Row::valid).limit(100).toList());
        }
        return "scripts/import-preview";
    }

    @PostMapping("/import/{id}/confirm")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String confirm(@PathVariable long id) {
        String by = currentUser.username();
        executor.execute(() -> {
            try {
                imports.commit(id, by);
            } catch (RuntimeException e) {
                log.warn("Import {} failed", id, e);
            }
        });
        return "redirect:/scripts/import/" + id;
    }

    @GetMapping("/import/{id}/progress")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("progress", imports.progress(id));
        return "scripts/import-preview :: progress";
    }

    @GetMapping("/export.xlsx")
    @PreAuthorize(ScriptsApiController.EDITORS)
    ResponseEntity<StreamingResponseBody> exportXlsx() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scripts.xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(export::xlsx);
    }

    @GetMapping(value = "/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ScriptsApiController.EDITORS)
    @ResponseBody
    ResponseEntity<List<ScriptExport.ExportedScript>> exportJson() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scripts.json\"").body(export.all());
    }
}
